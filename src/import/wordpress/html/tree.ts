/**
 * The few hast helpers the tree passes share: build an element, read a string property,
 * and rewrite a tree by mapping each node to what replaces it.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { MARKER_PROPERTY } from './markers.ts';

/** An element with string-valued properties and the given children. */
export const el = (tagName: string, properties: Properties, children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** A text node. */
export const text = (value: string): ElementContent => ({ type: 'text', value });

/** A paragraph this converter made (an embed link, a form link, a caption): not the post's prose. */
export const generatedParagraph = (children: ElementContent[]): Element =>
  el('p', { [MARKER_PROPERTY]: 'generated' }, children);

/** A property as a string ('' when absent); class lists are joined with spaces. */
export function prop(node: Element, name: string): string {
  const value = node.properties[name];
  if (value === undefined || value === null || value === false) return '';
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** True when the node is an element named one of `names` (not a type guard: a false says nothing of the type). */
export const isElement = (node: RootContent | ElementContent, ...names: string[]): boolean =>
  node.type === 'element' && names.includes(node.tagName);

/** The node as an element when it is one named one of `names`, else undefined. */
export const asElement = (node: RootContent | ElementContent, ...names: string[]): Element | undefined =>
  node.type === 'element' && names.includes(node.tagName) ? node : undefined;

/** True for a text node of only whitespace. */
export const isBlank = (node: RootContent | ElementContent): boolean =>
  node.type === 'text' && node.value.trim() === '';

/**
 * What a node becomes: undefined keeps it (and its children are visited), an array
 * replaces it (and the replacement is not visited again).
 */
export type Visit = (node: ElementContent) => ElementContent[] | undefined;

/**
 * Rewrites every child list of the tree. `pre` visits a node before its children, `post`
 * after them (so a figure sees its inner figures already converted).
 */
export function mapTree(parent: Root | Element, visit: Visit, order: 'pre' | 'post' = 'pre'): void {
  const out: ElementContent[] = [];
  // A fragment parsed from HTML holds only element content (no doctype, no MDX nodes).
  for (const child of parent.children as ElementContent[]) {
    if (order === 'post' && child.type === 'element') mapTree(child, visit, order);
    const replacement = visit(child);
    if (replacement === undefined) {
      if (order === 'pre' && child.type === 'element') mapTree(child, visit, order);
      out.push(child);
    } else out.push(...replacement);
  }
  parent.children = out;
}

/** The children of an element after the same visit: for a node that is unwrapped. */
export function visitedChildren(
  node: Element,
  visit: Visit,
  order: 'pre' | 'post' = 'pre',
): ElementContent[] {
  const copy = el(node.tagName, node.properties, node.children);
  mapTree(copy, visit, order);
  return copy.children;
}
