/**
 * A WordPress post's HTML to an article body (issue 13, "A real HTML → MDX conversion"):
 *
 * 1. text stages, with WordPress's own parsers: block comments (block editor) or autop
 *    (classic editor), then shortcodes; what they find becomes placeholder elements;
 * 2. rehype-parse to a hast tree, then tree passes: sanitize, embeds and forms, figures,
 *    images and links, headings and tables;
 * 3. rehype-remark and remark-stringify to Markdown that MDX reads the same.
 *
 * Finding codes (review: a person must look before publishing):
 * - review: `unknown-shortcode` (name), `block-dropped` (block name), `image-missing` (file
 *   name, or "data-uri"), `external-image` (host), `iframe-linked` (host), `iframe-removed`,
 *   `media-dropped` (file name), `table-simplified`, `unsafe-link-removed`, `form-removed`;
 * - no review: `embed-linked` (host), `form-replaced`, `tracking-removed` (host), `h1-demoted`.
 * Details are names, hosts and file names only, never the post's text.
 *
 * Every body is plain Markdown today: embeds, forms and captions all have a Markdown form,
 * so no article pays for MDX. `format` is there for the day a component is needed.
 */
import { autop } from '@wordpress/autop';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Finding } from '../findings.ts';
import { flattenBlocks, hasBlocks } from './blocks.ts';
import { linkEmbeds } from './embeds.ts';
import { firstParagraph } from './first-paragraph.ts';
import { convertMedia } from './media.ts';
import { sanitize } from './sanitize.ts';
import { expandShortcodes } from './shortcodes.ts';
import { fixStructure } from './structure.ts';
import { toMarkdown } from './to-markdown.ts';

export { checkBody, type BodyError } from './compile-check.ts';

/** What the conversion asks the integrator. */
export interface ConvertContext {
  /** The site's own path for a link found in the post (href), null to keep it as is, or ''
   *  to drop the link and keep its words (a page of the old site that will not exist here).
   *  The integrator rewrites links between imported posts and to the old contact page. */
  rewriteLink(url: string): string | null;
  /** An image the post shows (src, absolute or relative URL). Returns the path to write in
   *  Markdown, relative to the article file (e.g. "./uploads/2013/03/photo.jpg"), or null
   *  when the file is not available locally: then an upload-looking URL (relative, under
   *  wp-content/uploads, on files.wordpress.com) is dropped with "image-missing" (detail:
   *  its file name), any other becomes a link "Image: <alt or file name>" with
   *  "external-image" (detail: its host). */
  image(src: string): string | null;
  /** Where the site's own callback form is on an article page, e.g. "#cb-title". */
  callbackFormHref: string;
}

/** An article body and what the conversion has to say about it. */
export interface ConvertedBody {
  /** The body, without frontmatter, ending with exactly one "\n". */
  body: string;
  /** 'md' unless the body needs MDX (a component/import); always 'md' today. */
  format: 'md' | 'mdx';
  /** Plain text of the first real paragraph (no markup), for a description fallback. */
  firstParagraph: string;
  /** Every image path image() returned and that is used in the body, in order, unique. */
  images: string[];
  findings: Finding[];
}

const parser = unified().use(rehypeParse, { fragment: true });

/** Converts a post's HTML (`content:encoded`) to a Markdown body. Pure and deterministic. */
export function convertPost(html: string, ctx: ConvertContext): ConvertedBody {
  const findings: Finding[] = [];
  // WordPress runs autop only on classic-editor content, before shortcodes.
  const flat = hasBlocks(html) ? flattenBlocks(html, findings) : autop(html);
  const tree = parser.parse(expandShortcodes(flat, findings));
  sanitize(tree, findings);
  linkEmbeds(tree, ctx.callbackFormHref, findings);
  const returned = new Set<string>();
  convertMedia(
    tree,
    {
      rewriteLink: (url) => ctx.rewriteLink(url),
      image: (src) => {
        const path = ctx.image(src);
        if (path !== null) returned.add(path);
        return path;
      },
    },
    findings,
  );
  fixStructure(tree, findings);
  const opening = firstParagraph(tree);
  const { markdown, imageUrls } = toMarkdown(tree);
  const images = [...new Set(imageUrls.filter((url) => returned.has(url)))];
  const body = markdown.normalize('NFC').trimEnd();
  return {
    body: `${body}\n`,
    format: 'md',
    firstParagraph: opening,
    images,
    findings,
  };
}
