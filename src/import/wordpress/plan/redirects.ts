/**
 * Every old address of every imported post and category, as 301s for the legacy redirect
 * list the build writes into `_redirects` (src/lib/seo/redirects.ts). Pure and
 * deterministic: the same export gives the same list, sorted by old path.
 *
 * Old addresses of a post: its `<link>` path, the same permalink with each `_wp_old_slug`
 * in place of its name, its attachment pages; and `/?p=<id>`, which is not a path, so it
 * comes back separately for Netlify's query-parameter form. A category that became a topic
 * keeps `/category/<slug>/` and, for a child, `/category/<parent>/<child>/`.
 *
 * Paths are in the normal form of ./paths.ts (upper-case percent-encoding), the form
 * Netlify compares. The build's rules hold by construction: plain paths only (a space,
 * `*`, `:`, `?` or `#` can only appear encoded), each old path once (trailing slash
 * ignored), never an address already hand-written in `keep`, never a path that is itself
 * a page of the new site, never a redirect to itself.
 */
import type { LegacyRedirect } from '../../../lib/seo/redirects.ts';
import { articleUrl, topicUrl } from '../../../lib/urls.ts';
import { finding, type Finding } from '../findings.ts';
import type { WxrExport, WxrItem } from '../wxr.ts';
import { normaliseSegment, pathKey, siteRoot, urlParts } from './paths.ts';

/** What the planner needs; every map comes from an earlier step of the plan. */
export interface RedirectInput {
  export: WxrExport;
  /** New article slug of every imported post, by post id. */
  slugOf: ReadonlyMap<number, string>;
  /** Topic id of every category that became a topic, by category slug. */
  topicOf: ReadonlyMap<string, string>;
  /** Attachment page links of each imported post, by post id (see attachmentPagesOf). */
  attachmentsOf: ReadonlyMap<number, readonly string[]>;
  /** The hand-written entries (src/legacy-urls.ts): they win over anything planned here. */
  keep: readonly LegacyRedirect[];
}

/** `/?p=<id>` → `to`: Netlify writes it as `/ p=<id> <to> 301`, the integrator's business. */
export interface QueryRedirect {
  param: 'p';
  value: string;
  to: string;
}

/** The planned 301s, with what a person should know about the addresses left out. */
export interface RedirectPlan {
  /** Sorted by `from`; never one of `keep`'s. */
  redirects: LegacyRedirect[];
  /** Sorted by post id. */
  queryRedirects: QueryRedirect[];
  findings: Finding[];
}

/** The attachment page links of every post, from the attachments' `post_parent`. */
export function attachmentPagesOf(exp: WxrExport): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const item of exp.items)
    if (item.type === 'attachment' && item.parent > 0 && item.link) {
      const links = out.get(item.parent) ?? [];
      links.push(item.link);
      out.set(item.parent, links);
    }
  return out;
}

/** A claim on an old path; claims are made in a fixed order, and the first one wins. */
interface Claim {
  from: `/${string}`;
  to: string;
  /** Who claims it: a post id, or -1 for a category. */
  owner: number;
}

/**
 * The path of an old address relative to the folder the site lived in, or null when the
 * address has none (`/?p=123`, `/?attachment_id=5`) or is not a web address.
 */
function oldPath(link: string, folders: readonly string[]): `/${string}` | 'query' | null {
  const parts = urlParts(link);
  if (!parts) return null;
  // The path is kept whole, folder and all: that is what visitors and search engines ask
  // for once this site answers on the old domain. The folder only tells the home page.
  let inside = parts.path;
  for (const folder of folders)
    if (pathKey(inside) === folder || inside.startsWith(`${folder}/`)) {
      inside = (inside.slice(folder.length) || '/') as `/${string}`;
      break;
    }
  // `/?p=1` or `/demo/index.php?p=1`: the address is in the query, the path is the home page.
  if ([...parts.query.keys()].length > 0 && (inside === '/' || inside === '/index.php')) return 'query';
  return parts.path;
}

/** The same permalink with its last segment (the post's name) replaced by an old slug. */
function withSlug(path: `/${string}`, slug: string): `/${string}` | null {
  const trailing = path.endsWith('/');
  const segments = path.split('/').filter(Boolean);
  const name = normaliseSegment(slug);
  if (segments.length === 0 || !name) return null;
  segments[segments.length - 1] = name;
  return `/${segments.join('/')}${trailing ? '/' : ''}`;
}

/** `/category/<ancestors...>/<slug>/` for a child, `/category/<slug>/` always, in the site's folder. */
function categoryPaths(exp: WxrExport, slug: string, folder: string): `/${string}`[] {
  const parentOf = new Map(exp.categories.map((category) => [category.slug, category.parent]));
  const chain = [slug];
  // The guard stops a parent loop in a broken export.
  for (
    let parent = parentOf.get(slug) ?? '';
    parent && !chain.includes(parent);
    parent = parentOf.get(parent) ?? ''
  )
    chain.unshift(parent);
  const encode = (slugs: string[]) =>
    `${folder}/category/${slugs.map(normaliseSegment).join('/')}/` as `/${string}`;
  return chain.length > 1 ? [encode([slug]), encode(chain)] : [encode([slug])];
}

const byId = (a: WxrItem, b: WxrItem) => a.id - b.id;

/** Plans the 301s of an import; see the file comment for the rules. */
export function planRedirects(input: RedirectInput): RedirectPlan {
  const { export: exp, slugOf, topicOf, attachmentsOf, keep } = input;
  const findings: Finding[] = [];
  // The folder the site lived in ("/demo"), from the export's own addresses.
  const folders = [
    ...new Set([exp.baseSiteUrl, exp.baseBlogUrl, exp.link].map((url) => siteRoot(url)?.path ?? '')),
  ]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);

  // Each finding once: ten attachments without a path are one thing to know.
  const reported = new Set<string>();
  const report = (code: string, review: boolean, path: string) => {
    const key = `${code} ${path}`;
    if (!reported.has(key)) findings.push(finding(code, review, path));
    reported.add(key);
  };
  const claims: Claim[] = [];
  const queryRedirects: QueryRedirect[] = [];
  const claim = (link: string, to: string, owner: number, slugs: readonly string[] = []) => {
    const path = oldPath(link, folders);
    if (path === 'query' || path === null) {
      // `?p=` is covered by the query redirect; anything else has no plain path.
      if (path === null || !/[?&]p=\d+(?:&|#|$)/.test(link))
        report('redirect-unexpressible', false, path === null ? 'not-a-url' : 'query');
      return;
    }
    claims.push({ from: path, to, owner });
    for (const slug of slugs) {
      const renamed = withSlug(path, slug);
      if (renamed) claims.push({ from: renamed, to, owner });
    }
  };

  for (const item of exp.items.filter((entry) => slugOf.has(entry.id)).sort(byId)) {
    const to = articleUrl(slugOf.get(item.id)!);
    queryRedirects.push({ param: 'p', value: String(item.id), to });
    if (item.link) claim(item.link, to, item.id, item.meta['_wp_old_slug'] ?? []);
    for (const page of [...(attachmentsOf.get(item.id) ?? [])].sort()) claim(page, to, item.id);
  }
  for (const category of [...exp.categories].sort((a, b) =>
    a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0,
  )) {
    const topic = topicOf.get(category.slug);
    if (topic === undefined) continue;
    for (const from of categoryPaths(exp, category.slug, folders.at(-1) ?? ''))
      claims.push({ from, to: topicUrl(topic), owner: -1 });
  }

  const kept = new Set(keep.map(({ from }) => pathKey(from)));
  // Pages of the new site: an old path equal to one would shadow it, and the build refuses that.
  const pages = new Set(['/', ...keep.map(({ to }) => pathKey(to)), ...claims.map(({ to }) => pathKey(to))]);
  // The first claim on each path, and whether it is dropped (kept by hand, or a page).
  const first = new Map<string, Claim & { drop: boolean }>();
  for (const entry of claims) {
    const key = pathKey(entry.from);
    if (key === pathKey(entry.to)) continue; // already where it belongs
    const winner = first.get(key);
    if (winner) {
      // A second post on a dropped path changes nothing: that path is not ours to give.
      if (!winner.drop && (winner.owner !== entry.owner || winner.to !== entry.to))
        report('redirect-conflict', true, entry.from);
      continue;
    }
    const drop = kept.has(key) || pages.has(key);
    if (kept.has(key)) report('redirect-exists', false, entry.from);
    else if (pages.has(key)) report('redirect-shadows-page', true, entry.from);
    first.set(key, { ...entry, drop });
  }

  const redirects = [...first.values()]
    .filter(({ drop }) => !drop)
    .map(({ from, to }) => ({ from, to }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { redirects, queryRedirects, findings };
}
