/**
 * The text stages (blocks, shortcodes) run before the HTML is parsed, and hand what they
 * found to the tree stages as placeholder elements. A `<div>` (not a custom element) so the
 * HTML parser closes an open `<p>` before it, as it does for the block it stands for.
 */

/** The attribute that marks a placeholder; its value is the kind. */
export const MARKER_ATTRIBUTE = 'data-wp-import';
/** The same attribute as hast names it (`properties.dataWpImport`). */
export const MARKER_PROPERTY = 'dataWpImport';

/** What a placeholder stands for. */
export type MarkerKind = 'embed' | 'form' | 'caption';

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A placeholder for an embed of `url` (YouTube, Vimeo or another oEmbed provider). */
export const embedMarker = (url: string): string =>
  `<div ${MARKER_ATTRIBUTE}="embed" data-url="${escapeAttribute(url)}"></div>`;

/** A placeholder for a Gravity Forms form: the site's callback form replaces it. */
export const formMarker = (): string => `<div ${MARKER_ATTRIBUTE}="form"></div>`;

/** A `[caption]`: its content (the image, then the caption text) inside a figure to split later. */
export const captionMarker = (content: string, captionAttribute: string | undefined): string =>
  `<figure ${MARKER_ATTRIBUTE}="caption">${content}${
    // The old `caption="..."` form: HTML like the content, sanitized with it.
    captionAttribute ? `<figcaption>${captionAttribute}</figcaption>` : ''
  }</figure>`;
