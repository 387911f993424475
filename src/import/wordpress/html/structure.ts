/**
 * Headings, tables and emphasis: the page's own title is the only `<h1>`, a table GFM
 * cannot hold (merged cells, blocks in a cell) comes over as its text and is reported, and
 * spaces at the edges of an emphasis move outside it.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { finding, type Finding } from '../findings.ts';
import { isElement, mapTree, prop, text, type Visit } from './tree.ts';

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

/** A cell GFM cannot hold becomes its text on one line: blocks are separated by a space. */
function flattenCells(node: Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const blocky = child.children.some(
      (inner) => inner.type === 'element' && BLOCK_IN_CELL.has(inner.tagName),
    );
    if ((child.tagName === 'td' || child.tagName === 'th') && blocky)
      child.children = [{ type: 'text', value: toText(child).replace(/\s+/g, ' ').trim() }];
    else flattenCells(child);
  }
}

const EMPHASIS = new Set(['em', 'i', 'strong', 'b', 'del', 's', 'strike']);

/**
 * `<em>Right, </em>and` has its space inside the emphasis, which Markdown cannot write
 * (`_Right,&#x20;_&#x61;nd`): the space moves just outside, where a reader sees it anyway.
 */
function moveEdgeSpaces(node: Element): ElementContent[] {
  if (node.children.every((child) => child.type === 'text' && child.value.trim() === '')) return [node];
  let before = '';
  let after = '';
  const first = node.children[0];
  if (first?.type === 'text') {
    before = /^\s*/.exec(first.value)?.[0] ?? '';
    first.value = first.value.slice(before.length);
  }
  const last = node.children[node.children.length - 1];
  if (last?.type === 'text') {
    after = /\s*$/.exec(last.value)?.[0] ?? '';
    last.value = last.value.slice(0, last.value.length - after.length);
  }
  node.children = node.children.filter((child) => child.type !== 'text' || child.value !== '');
  return [...(before ? [text(before)] : []), node, ...(after ? [text(after)] : [])];
}

/** Demotes `<h1>` to `<h2>` and reports tables that lose structure, in place. */
export function fixStructure(tree: Root, findings: Finding[]): void {
  const visit: Visit = (node) => {
    if (node.type !== 'element') return undefined;
    if (EMPHASIS.has(node.tagName)) {
      // Inner ones first, so their spaces can travel out through this one.
      mapTree(node, visit);
      return moveEdgeSpaces(node);
    }
    if (node.tagName === 'h1') {
      findings.push(finding('h1-demoted', false));
      node.tagName = 'h2';
    } else if (node.tagName === 'table' && needsSimplifying(node)) {
      findings.push(finding('table-simplified', true));
      flattenCells(node);
    }
    return undefined;
  };
  mapTree(tree, visit);
}
