/**
 * Headings and tables: the page's own title is the only `<h1>`, and a table GFM cannot
 * hold (merged cells, blocks in a cell) comes over as its text and is reported.
 */
import type { Element, Root } from 'hast';
import { finding, type Finding } from '../findings.ts';
import { isElement, mapTree, prop } from './tree.ts';

// Content a GFM table cell cannot hold: one line of inline text only.
const BLOCK_IN_CELL = new Set([
  'p',
  'ul',
  'ol',
  'table',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'dl',
  'div',
]);

function needsSimplifying(table: Element): boolean {
  let found = false;
  const look = (node: Element, inCell: boolean): void => {
    for (const child of node.children) {
      if (found || child.type !== 'element') continue;
      const element: Element = child;
      const cell = isElement(element, 'td', 'th');
      if (cell && (Number(prop(element, 'colSpan') || 1) > 1 || Number(prop(element, 'rowSpan') || 1) > 1))
        found = true;
      // One paragraph in a cell is how editors write plain text; more, or any other block, is not.
      else if (
        inCell &&
        BLOCK_IN_CELL.has(element.tagName) &&
        !(element.tagName === 'p' && node.children.filter((c) => isElement(c, 'p')).length === 1)
      )
        found = true;
      else look(element, inCell || cell);
    }
  };
  look(table, false);
  return found;
}

/** Demotes `<h1>` to `<h2>` and reports tables that lose structure, in place. */
export function fixStructure(tree: Root, findings: Finding[]): void {
  mapTree(tree, (node) => {
    if (node.type !== 'element') return undefined;
    if (node.tagName === 'h1') {
      findings.push(finding('h1-demoted', false));
      node.tagName = 'h2';
    } else if (node.tagName === 'table' && needsSimplifying(node)) {
      findings.push(finding('table-simplified', true));
    }
    return undefined;
  });
}
