/**
 * What never comes over from a post's HTML: comments, scripts, styles, plugin forms,
 * inline styles and event handlers. Everything the reader saw as text stays.
 */
import type { Element, Root } from 'hast';
import { finding, type Finding } from '../findings.ts';
import { MARKER_PROPERTY } from './markers.ts';
import { el, mapTree, prop } from './tree.ts';

// Elements whose content is code, metadata or a widget: never prose.
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'link',
  'meta',
  'base',
  'svg',
  'math',
  'canvas',
  'applet',
  'frameset',
  'frame',
  'input',
  'select',
  'textarea',
  'button',
  'option',
  'datalist',
  'output',
]);

/** Drops inline styles and every `on*` handler (hast names them `onClick`, `onLoad`, ...). */
function stripAttributes(node: Element): void {
  for (const name of Object.keys(node.properties)) {
    if (name === 'style' || /^on[A-Z]/.test(name) || /^on[a-z]/.test(name)) delete node.properties[name];
  }
}

/** Removes what must not come over, in place; a plugin's `<form>` goes with a finding. */
export function sanitize(tree: Root, findings: Finding[]): void {
  mapTree(tree, (node) => {
    if (node.type === 'comment') return [];
    if (node.type !== 'element') return undefined;
    if (DROPPED.has(node.tagName)) return [];
    if (node.tagName === 'form' && /^gform_\d/.test(prop(node, 'id'))) {
      // Gravity Forms' own markup pasted in: the site's callback form takes its place, as for its shortcode.
      return [el('div', { [MARKER_PROPERTY]: 'form' })];
    }
    if (node.tagName === 'form' && node.properties[MARKER_PROPERTY] === undefined) {
      // A contact or newsletter form pasted into the post: it would post to the old site.
      findings.push(finding('form-removed', true));
      return [];
    }
    stripAttributes(node);
    return undefined;
  });
}
