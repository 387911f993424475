/**
 * The text of the first paragraph the author wrote, for a description fallback: a `<p>`,
 * or a run of loose text between blocks (what classic posts and autop around a caption
 * leave). Figures, tables, lists, quotes, code and the paragraphs this converter made
 * (embed links, form links, captions) are not the post's opening prose.
 */
import type { ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { MARKER_PROPERTY } from './markers.ts';
import { el } from './tree.ts';

// prettier-ignore
const PHRASING = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);
const SKIPPED = new Set([
  'figure',
  'table',
  'ul',
  'ol',
  'dl',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

const textOf = (nodes: ElementContent[]): string =>
  toText(el('div', {}, nodes))
    .replace(/\s+/g, ' ')
    .trim();

function search(nodes: ElementContent[]): string {
  let run: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text' || (node.type === 'element' && PHRASING.has(node.tagName))) {
      run.push(node);
      continue;
    }
    const loose = textOf(run);
    if (loose !== '') return loose;
    run = [];
    if (
      node.type !== 'element' ||
      SKIPPED.has(node.tagName) ||
      node.properties[MARKER_PROPERTY] !== undefined
    )
      continue;
    const found = node.tagName === 'p' ? textOf([node]) : search(node.children);
    if (found !== '') return found;
  }
  return textOf(run);
}

/** Plain text of the first real paragraph of a cleaned tree, NFC; '' when there is none. */
export function firstParagraph(tree: Root): string {
  return search(tree.children as ElementContent[]).normalize('NFC');
}
