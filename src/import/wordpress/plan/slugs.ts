/**
 * URL slugs for imported articles and topics (issue 13): the old WordPress slug where it
 * can serve, so the new address reads like the old one, else one made from the title.
 * Every result matches the site's slug rule (src/lib/slugs.ts). Pure and deterministic.
 */
import slugify from '@sindresorhus/slugify';
import { finding, type Finding } from '../findings.ts';
import type { WxrItem } from '../wxr.ts';
import { plainText } from './text.ts';

/** The site's rule for a URL slug (src/lib/slugs.ts). */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * WordPress keeps a non-ASCII `post_name` percent-encoded ("%ce%b5%cf%80..."); decoded
 * here so it can be transliterated. A broken encoding is kept as it is: slugify then
 * drops the "%" and keeps the rest, which is better than losing the slug.
 */
function decodeSlug(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

// decamelize off: "iPhone" should not become "i-phone"; WordPress slugs are lower-case anyway.
const toSlug = (text: string) => slugify(text, { decamelize: false });

/** A category's or tag's slug, decoded and transliterated; '' when nothing usable is left. */
export function termSlug(slug: string): string {
  return toSlug(decodeSlug(slug));
}

/** An article's slug: its WordPress slug, else its title, else `post-<id>`. */
export function articleSlug(item: Pick<WxrItem, 'id' | 'slug' | 'title'>): string {
  return toSlug(decodeSlug(item.slug)) || toSlug(plainText(item.title)) || `post-${item.id}`;
}

/** The first of `base`, `base-2`, `base-3`, ... that is not in `used`. */
function firstFree(base: string, used: ReadonlySet<string>): string {
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/**
 * One slug per item, none in `taken` (slugs of articles already in the project that this
 * import does not own) and no two alike. Items are taken by ascending id, so a re-run
 * gives every item the same slug; the lower id keeps a contested slug. Every item's own
 * slug is reserved before any suffix is given out, so "a-2" goes to the item that was
 * called "a-2" in WordPress, never to a duplicate "a". A changed slug gets a
 * "slug-changed" finding whose detail is the new slug.
 */
export function uniqueSlugs(
  items: readonly Pick<WxrItem, 'id' | 'slug' | 'title'>[],
  taken: ReadonlySet<string>,
): { slugs: Map<number, string>; findings: Map<number, Finding[]> } {
  const sorted = [...items].sort((a, b) => a.id - b.id);
  const natural = new Map(sorted.map((item) => [item.id, articleSlug(item)]));
  // Who gets each slug unchanged: the lowest id that wanted it and that `taken` leaves free.
  const owner = new Map<string, number>();
  for (const item of sorted) {
    const slug = natural.get(item.id) ?? '';
    if (!taken.has(slug) && !owner.has(slug)) owner.set(slug, item.id);
  }
  const used = new Set<string>([...taken, ...owner.keys()]);
  const slugs = new Map<number, string>();
  const findings = new Map<number, Finding[]>();
  for (const item of sorted) {
    const slug = natural.get(item.id) ?? '';
    if (owner.get(slug) === item.id) {
      slugs.set(item.id, slug);
      continue;
    }
    const changed = firstFree(slug, used);
    used.add(changed);
    slugs.set(item.id, changed);
    findings.set(item.id, [finding('slug-changed', false, changed)]);
  }
  return { slugs, findings };
}
