/**
 * Plain text from the bits of HTML a WordPress export keeps in titles, names and
 * descriptions, and cutting such text to a length the site's schemas allow. Pure.
 *
 * WordPress stores titles and term names HTML-escaped ("Tips &amp; tricks", "&#8220;"),
 * sometimes with markup (`<em>`); an HTML parser decodes and strips both, so no entity
 * table or tag pattern of our own can miss a case.
 */
import rehypeParse from 'rehype-parse';
import { toText } from 'hast-util-to-text';
import { unified } from 'unified';

const parser = unified().use(rehypeParse, { fragment: true });

/** The text a reader would see in `html`, entities decoded, whitespace collapsed, trimmed. */
export function plainText(html: string): string {
  // Most titles hold neither markup nor entities: no parse needed.
  if (!/[<&]/.test(html)) return collapse(html);
  const tree = parser.parse(html);
  return collapse(toText(tree, { whitespace: 'normal' }));
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

// Left at the end of a cut sentence they read as a mistake: "Learn about relapse, …".
const TRAILING = /[\s,;:–—-]+$/u;

/**
 * `text` when it is at most `max` characters (UTF-16 units, as the schema counts), else cut
 * at the last space that fits; with `ellipsis`, "…" follows a cut and counts toward `max`.
 * A single word longer than half the limit is cut inside the word instead of losing it all.
 */
export function cutAtWord(text: string, max: number, ellipsis: boolean): string {
  if (text.length <= max) return text;
  const room = ellipsis ? max - 1 : max;
  const space = text.lastIndexOf(' ', room);
  let cut = space > room / 2 ? text.slice(0, space) : text.slice(0, room);
  // Never leave half of a surrogate pair (an emoji, a rare CJK character) at the end.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(TRAILING, '');
  return ellipsis ? `${cut}…` : cut;
}
