/**
 * Shortcodes (`[caption]`, `[embed]`, `[gravityform]`, ...) in a post's HTML, found with
 * WordPress's own grammar (@wordpress/shortcode). The ones we can carry over become
 * placeholders; every other one stays in the text, visible, and is reported by name.
 */
import { attrs as parseAttrs, regexp } from '@wordpress/shortcode';
import { Parser } from 'htmlparser2';
import { finding, type Finding } from '../findings.ts';
import { captionMarker, embedMarker, formMarker } from './markers.ts';
import { videoLink } from './urls.ts';

// Any shortcode name: WordPress's regexp is built for one tag, and this pattern stands for
// all of them. Names are lowercase by convention (WordPress matches them case-sensitively),
// so "[1]", "[…]" and "[Pics, Videos]" in a sentence are left alone, and unreported.
const ANY_TAG = '[a-z][a-z0-9_-]*';

/**
 * Where each start tag of the HTML begins and ends (htmlparser2's offsets). WordPress
 * leaves a shortcode inside an attribute (`title="[x]"`) alone; so does this.
 */
function startTags(html: string): [number, number][] {
  const ranges: [number, number][] = [];
  const parser = new Parser({
    onopentag() {
      ranges.push([parser.startIndex, parser.endIndex]);
    },
  });
  parser.end(html);
  return ranges;
}

/** What one known shortcode becomes; undefined when it cannot be carried over. */
type Handler = (
  named: Record<string, string | undefined>,
  numeric: string[],
  content: string,
) => string | undefined;

const caption: Handler = (named, _numeric, content) => captionMarker(content, named['caption']);

const embed: Handler = (_named, _numeric, content) => {
  const url = content.trim();
  return /^https?:\/\/\S+$/.test(url) ? embedMarker(url) : undefined;
};

// WordPress's [video] plays files; only a YouTube or Vimeo source can be linked to.
const video: Handler = (named) => {
  const src = named['src'] ?? named['youtube'] ?? named['vimeo'] ?? '';
  return videoLink(src) ? embedMarker(src) : undefined;
};

const form: Handler = () => formMarker();

const HANDLERS: Record<string, Handler> = {
  caption,
  wp_caption: caption,
  embed,
  video,
  gravityform: form,
  gravityforms: form,
};

/**
 * The HTML with known shortcodes replaced; unknown or unresolvable ones (gallery, audio,
 * playlist, a plugin's) stay as written and add an "unknown-shortcode" finding with their name.
 */
export function expandShortcodes(html: string, findings: Finding[]): string {
  // Only a post that has a bracket pays for the tag scan.
  const tags = html.includes('[') ? startTags(html) : [];
  const inTag = (offset: number) => tags.some(([start, end]) => start < offset && offset <= end);
  return html.replace(
    regexp(ANY_TAG),
    (
      match: string,
      open: string,
      tag: string,
      attributes: string,
      selfClosing: string | undefined,
      content: string | undefined,
      closing: string | undefined,
      close: string,
      offset: number,
    ) => {
      if (inTag(offset)) return match;
      // `[[gallery]]` is WordPress's way to write a shortcode as text: it shows `[gallery]`.
      if (open === '[' && close === ']') return match.slice(1, -1);
      const handler = HANDLERS[tag.toLowerCase()];
      const { named, numeric } = parseAttrs(attributes);
      const result = handler?.(named, numeric, content ?? '');
      if (result !== undefined) return result;
      findings.push(finding('unknown-shortcode', true, tag.toLowerCase()));
      // Left visible; shortcodes inside it still get their turn.
      const inner = content === undefined ? '' : expandShortcodes(content, findings);
      return `${open}[${tag}${attributes}${selfClosing ? '/' : ''}]${inner}${closing ?? ''}${close}`;
    },
  );
}
