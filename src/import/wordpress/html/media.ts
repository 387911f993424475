/**
 * Figures, images and links. Captions become an italic line under their image; images
 * come from the site's own uploads (through the integrator) or become a plain link, so a
 * page never loads a file from another host; every link goes through the integrator.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { finding, type Finding } from '../findings.ts';
import { MARKER_PROPERTY } from './markers.ts';
import {
  asElement,
  el,
  generatedParagraph,
  isBlank,
  isElement,
  mapTree,
  prop,
  text,
  visitedChildren,
  type Visit,
} from './tree.ts';
import {
  absoluteUrl,
  fileName,
  hostOf,
  isImageFileUrl,
  isKeptAsIs,
  isUnsafeUrl,
  looksLikeUpload,
  trackerHost,
} from './urls.ts';

/** The two questions the media pass asks the integrator. */
export interface MediaContext {
  rewriteLink(url: string): string | null;
  image(src: string): string | null;
}

// Elements that can sit inside a paragraph next to an image.
const PHRASING = new Set(['img', 'a', 'picture', 'span', 'em', 'strong', 'b', 'i', 'small', 'br']);

const isPhrasing = (node: ElementContent): boolean =>
  node.type === 'text' || (node.type === 'element' && PHRASING.has(node.tagName));

/** An image, or a link (or picture) around nothing but images. */
function isImageLike(node: ElementContent): boolean {
  if (isElement(node, 'img')) return true;
  const wrapper = asElement(node, 'a', 'picture');
  if (!wrapper) return false;
  const content = wrapper.children.filter((child) => !isBlank(child));
  return content.length > 0 && content.every((child) => isImageLike(child) || isElement(child, 'source'));
}

const trimBreaks = (nodes: ElementContent[]): ElementContent[] => {
  let start = 0;
  let end = nodes.length;
  const edge = (node: ElementContent | undefined) =>
    node !== undefined && (isBlank(node) || isElement(node, 'br'));
  while (start < end && edge(nodes[start])) start++;
  while (end > start && edge(nodes[end - 1])) end--;
  return nodes.slice(start, end);
};

/** The nodes with every `<em>`/`<i>` unwrapped: the caption is italic as a whole. */
const withoutEmphasis = (nodes: ElementContent[]): ElementContent[] =>
  nodes.flatMap((node) => {
    if (node.type !== 'element') return [node];
    const children = withoutEmphasis(node.children);
    return node.tagName === 'em' || node.tagName === 'i' ? children : [{ ...node, children }];
  });

/**
 * A figure: its media, then its caption as an italic paragraph. A `[caption]` placeholder
 * has no figcaption: its leading image is the media and the text after it the caption.
 */
function convertFigure(node: Element): ElementContent[] {
  const captions = node.children.filter((child) => isElement(child, 'figcaption'));
  let media = node.children.filter((child) => !isElement(child, 'figcaption'));
  let caption = captions.flatMap((figcaption) => (figcaption.type === 'element' ? figcaption.children : []));
  if (node.properties[MARKER_PROPERTY] === 'caption' && captions.length === 0) {
    let split = 0;
    while (
      split < media.length &&
      (isBlank(media[split]!) || isElement(media[split]!, 'br') || isImageLike(media[split]!))
    )
      split++;
    caption = media.slice(split);
    media = media.slice(0, split);
  }
  media = trimBreaks(media);
  caption = trimBreaks(caption);
  const out: ElementContent[] = [];
  if (media.length > 0) out.push(...(media.every(isPhrasing) ? [generatedParagraph(media)] : media));
  if (caption.length > 0 && toText(el('span', {}, caption)).trim() !== '')
    out.push(
      generatedParagraph([
        // Phrasing keeps its links; a caption with blocks in it comes over as its text.
        el(
          'em',
          {},
          caption.every(isPhrasing) ? withoutEmphasis(caption) : [text(toText(el('div', {}, caption)))],
        ),
      ]),
    );
  return out;
}

/** A 1x1 (or 0x0) image, or one from a known tracker: a pixel, never content. */
function isTrackingPixel(node: Element, src: string): boolean {
  const tiny = (name: string) => {
    const value = prop(node, name);
    return value !== '' && Number(value) <= 1;
  };
  return (tiny('width') && tiny('height')) || trackerHost(src) !== null;
}

/** Where an image really comes from: lazy-load plugins keep it in a data attribute. */
function imageSource(node: Element): string {
  const src = prop(node, 'src').trim();
  const lazy = (prop(node, 'dataSrc') || prop(node, 'dataLazySrc') || prop(node, 'dataOrigFile')).trim();
  return (src === '' || src.startsWith('data:')) && lazy !== '' ? lazy : src;
}

function convertImage(
  node: Element,
  insideLink: boolean,
  ctx: MediaContext,
  findings: Finding[],
): ElementContent[] {
  const src = imageSource(node);
  const alt = prop(node, 'alt').trim();
  if (src === '') return [];
  if (isTrackingPixel(node, src)) {
    findings.push(finding('tracking-removed', false, hostOf(src)));
    return [];
  }
  if (isUnsafeUrl(src)) {
    findings.push(
      finding(
        'image-missing',
        true,
        src.trim().toLowerCase().startsWith('data:') ? 'data-uri' : 'unsafe-url',
      ),
    );
    return [];
  }
  const path = ctx.image(src);
  if (path !== null) return [el('img', { src: path, alt })];
  if (looksLikeUpload(src) || absoluteUrl(src) === null) {
    // Ours but not copied: dropped, and its alt text is not turned into prose.
    findings.push(finding('image-missing', true, fileName(src)));
    return [];
  }
  findings.push(finding('external-image', true, hostOf(src)));
  const label = text(`Image: ${alt || fileName(src)}`);
  // Inside a link, the label alone: a link in a link is not Markdown.
  return insideLink ? [label] : [el('a', { href: absoluteUrl(src)?.href ?? src }, [label])];
}

function convertLink(node: Element, ctx: MediaContext, findings: Finding[], visit: Visit): ElementContent[] {
  const href = prop(node, 'href').trim();
  const inside: Visit = (child) => {
    const image = asElement(child, 'img');
    return image ? convertImage(image, true, ctx, findings) : visit(child);
  };
  if (href === '') return visitedChildren(node, visit);
  if (isUnsafeUrl(href)) {
    // The link becomes its text.
    findings.push(finding('unsafe-link-removed', true));
    return visitedChildren(node, visit);
  }
  // A thumbnail linked to its own full-size file on the old site: the image is enough.
  if (isImageFileUrl(href) && isImageLike(node)) return visitedChildren(node, visit);
  const rewritten = isKeptAsIs(href) ? null : ctx.rewriteLink(href);
  // '' from the integrator: a page of the old site that will not exist here; keep the words.
  if (rewritten === '') return visitedChildren(node, inside);
  const children = visitedChildren(node, inside);
  return children.length === 0 ? [] : [el('a', { href: rewritten ?? href }, children)];
}

function mediaSource(node: Element): string {
  const own = prop(node, 'src');
  if (own) return own;
  const source = node.children.find((child) => isElement(child, 'source'));
  return source?.type === 'element' ? prop(source, 'src') : '';
}

/** Converts figures (inner ones first), then images, links, audio and video, in place. */
export function convertMedia(tree: Root, ctx: MediaContext, findings: Finding[]): void {
  mapTree(
    tree,
    (node) => {
      const figure = asElement(node, 'figure');
      return figure ? convertFigure(figure) : undefined;
    },
    'post',
  );
  const visit: Visit = (node) => {
    if (node.type !== 'element') return undefined;
    if (node.tagName === 'img') return convertImage(node, false, ctx, findings);
    if (node.tagName === 'a') return convertLink(node, ctx, findings, visit);
    if (node.tagName === 'audio' || node.tagName === 'video') {
      // A media file of the old site: not copied, and a player would be a component.
      findings.push(finding('media-dropped', true, fileName(mediaSource(node)) || node.tagName));
      return [];
    }
    return undefined;
  };
  mapTree(tree, visit);
}
