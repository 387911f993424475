/**
 * Embeds become plain links, so an article page requests nothing from a third party until
 * the visitor clicks: YouTube and Vimeo to their canonical watch page, other oEmbed URLs to
 * themselves, other iframes (maps, widgets) to their source, reported for a person to look.
 * Gravity Forms placeholders become a link to the site's own callback form.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { finding, type Finding } from '../findings.ts';
import { MARKER_PROPERTY } from './markers.ts';
import { asElement, el, generatedParagraph, isBlank, isElement, mapTree, prop, text } from './tree.ts';
import { absoluteUrl, hostOf, oembedHost, videoLink } from './urls.ts';

const linkParagraph = (href: string, label: string): Element =>
  generatedParagraph([el('a', { href }, [text(label)])]);

/** A URL WordPress embedded (block, shortcode or bare line) as a link paragraph. */
function embedLink(url: string, findings: Finding[]): Element {
  const video = videoLink(url);
  if (video) {
    findings.push(finding('embed-linked', false, video.provider === 'YouTube' ? 'youtube.com' : 'vimeo.com'));
    return linkParagraph(video.href, `Watch the video on ${video.provider}`);
  }
  findings.push(finding('embed-linked', false, hostOf(url)));
  return linkParagraph(url.trim(), url.trim());
}

/** An iframe, `<object>` or `<embed>`: a video link, or a link to what it showed. */
function frameLink(node: Element, findings: Finding[]): ElementContent[] {
  const src = prop(node, node.tagName === 'object' ? 'data' : 'src').trim();
  if (videoLink(src)) return [embedLink(src, findings)];
  const url = absoluteUrl(src);
  if (!url || !/^https?:$/.test(url.protocol)) {
    findings.push(finding('iframe-removed', true));
    return [];
  }
  findings.push(finding('iframe-linked', true, url.hostname.toLowerCase()));
  return [linkParagraph(url.href, `Open the embedded content on ${url.hostname.toLowerCase()}`)];
}

/**
 * The URL when a paragraph holds nothing but one URL, as text or as a link whose text is
 * its address: what WordPress's auto-embed turns into a player.
 */
function bareUrl(node: Element): string | null {
  const content = node.children.filter((child) => !isBlank(child) && !isElement(child, 'br'));
  if (content.length !== 1) return null;
  const only = content[0]!;
  const link = asElement(only, 'a');
  const value =
    only.type === 'text'
      ? only.value.trim()
      : link && toText(link).trim() === prop(link, 'href').trim()
        ? prop(link, 'href').trim()
        : '';
  return /^https?:\/\/\S+$/.test(value) ? value : null;
}

/** Replaces embed and form placeholders, iframes and auto-embed lines, in place. */
export function linkEmbeds(tree: Root, callbackFormHref: string, findings: Finding[]): void {
  mapTree(tree, (node) => {
    if (node.type !== 'element') return undefined;
    const marker = node.properties[MARKER_PROPERTY];
    if (marker === 'embed') return [embedLink(prop(node, 'dataUrl'), findings)];
    if (marker === 'form') {
      findings.push(finding('form-replaced', false));
      return [linkParagraph(callbackFormHref, 'Request a confidential callback')];
    }
    if (isElement(node, 'iframe', 'object', 'embed')) return frameLink(node, findings);
    if (isElement(node, 'p')) {
      const url = bareUrl(node);
      if (url !== null && (videoLink(url) || oembedHost(url))) return [embedLink(url, findings)];
    }
    return undefined;
  });
}
