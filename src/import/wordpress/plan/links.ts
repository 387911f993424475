/**
 * Rewrites links inside imported posts that point at the old WordPress site: a link to
 * another imported post goes to its new article page, a link to the old contact page goes
 * to the callback form, and everything else is left to the caller (null). Pure.
 *
 * A link is on the old site when it is root-relative or absolute on one of its hosts, over
 * http or https, with or without `www.`. Paths compare in one normal form (./paths.ts), so
 * `%CE%B1`, `%ce%b1` and a raw `α` are the same address, and `/a` is `/a/`.
 */
import { articleUrl } from '../../../lib/urls.ts';
import { normaliseSegment, pathKey, siteRoot, urlParts } from './paths.ts';

/** What the rewriter knows of the old site. */
export interface LinkRewriterInput {
  /** Every address the old site answered on: baseSiteUrl, baseBlogUrl, the channel link, ... */
  siteUrls: string[];
  /** Every post of the export (imported or not); only those in `slugOf` are rewritten. */
  posts: { id: number; link: string; slug?: string; oldSlugs?: string[] }[];
  /** New article slug of every imported post, by post id. */
  slugOf: ReadonlyMap<number, string>;
  /** Pages of the export: only used to recognise the contact page, also as `?page_id=`. */
  pages: { id: number; link: string }[];
  /** Old contact page paths, e.g. "/contact/", "/contact-us/" (root or relative to the site's folder). */
  contactPaths: string[];
}

/** The page that replaces the old contact page. */
export const CALLBACK_PATH = '/callback/';

/** Returns a function giving the new path of an old-site link (keeping its #fragment), or null. */
export function createLinkRewriter(input: LinkRewriterInput): (href: string) => string | null {
  const roots = input.siteUrls.map(siteRoot).filter((root) => root !== null);
  const hosts = new Set(roots.map((root) => root.host));
  const folders = [...new Set(roots.map((root) => root.path).filter(Boolean))];

  // The same path seen from the site's root and from each folder it lived in.
  const variants = (path: string): string[] => {
    const key = pathKey(path);
    const out = [key];
    for (const folder of folders)
      if (key === folder || key.startsWith(`${folder}/`)) out.push(key.slice(folder.length) || '/');
    return out;
  };
  const keyOfLink = (link: string): string | null => {
    const parts = urlParts(link);
    // A `?p=` or `?page_id=` link has no path of its own: the query lookup finds it.
    if (!parts || [...parts.query.keys()].some((key) => key === 'p' || key === 'page_id')) return null;
    return pathKey(parts.path);
  };

  const newPathOf = new Map<number, string>();
  for (const [id, slug] of input.slugOf) newPathOf.set(id, articleUrl(slug));

  const byPath = new Map<string, string>();
  // Date-style permalinks change when a site changes its permalink structure: the last
  // segment (the post's name) is what WordPress itself falls back on.
  const byName = new Map<string, string | null>();
  const nameClaim = (name: string, to: string) => {
    const key = normaliseSegment(name);
    if (!key) return;
    const seen = byName.get(key);
    byName.set(key, seen === undefined || seen === to ? to : null); // null: two posts, ambiguous
  };
  // Lower ids first, so when two posts share an old address the first keeps it, as in redirects.ts.
  for (const post of [...input.posts].sort((a, b) => a.id - b.id)) {
    const to = newPathOf.get(post.id);
    if (to === undefined) continue;
    const key = keyOfLink(post.link);
    if (key !== null) for (const variant of variants(key)) if (!byPath.has(variant)) byPath.set(variant, to);
    for (const name of [post.slug ?? '', ...(post.oldSlugs ?? [])]) nameClaim(name, to);
  }

  const contact = new Set(input.contactPaths.flatMap((path) => variants(urlParts(path)?.path ?? path)));
  const pageKeys = new Map<number, string>();
  for (const page of input.pages) {
    const key = keyOfLink(page.link);
    if (key !== null) pageKeys.set(page.id, key);
  }
  const isContact = (key: string) => variants(key).some((variant) => contact.has(variant));
  const isHome = (key: string) =>
    variants(key).some((variant) => variant === '/' || variant === '/index.php');

  return (href: string) => {
    const parts = urlParts(href);
    if (!parts || (parts.host !== null && !hosts.has(parts.host))) return null;
    const key = pathKey(parts.path);
    const hash = parts.hash;
    if (parts.query.has('attachment_id')) return null;
    const byQuery = (param: 'p' | 'page_id') => {
      const value = parts.query.get(param);
      return value !== null && /^\d+$/.test(value) && isHome(key) ? Number(value) : null;
    };
    const postId = byQuery('p');
    if (postId !== null) {
      const to = newPathOf.get(postId);
      return to === undefined ? null : to + hash;
    }
    const pageId = byQuery('page_id');
    if (pageId !== null) {
      const pageKey = pageKeys.get(pageId);
      return pageKey !== undefined && isContact(pageKey) ? CALLBACK_PATH : null;
    }
    if (isContact(key)) return CALLBACK_PATH;
    for (const variant of variants(key)) {
      const to = byPath.get(variant);
      if (to !== undefined) return to + hash;
    }
    // `/2013/01/10/name/` or `/name/` when the link is in an older permalink shape: only
    // when every segment before the name is a number (a date), and one post has that name.
    const segments = key.split('/').filter(Boolean);
    const name = segments.at(-1);
    if (name !== undefined) {
      const rest = variants(`/${segments.slice(0, -1).join('/')}`).some(
        (prefix) =>
          prefix === '/' ||
          prefix
            .split('/')
            .filter(Boolean)
            .every((part) => /^\d+$/.test(part)),
      );
      const to = byName.get(name);
      if (rest && to) return to + hash;
    }
    return null;
  };
}
