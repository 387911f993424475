/**
 * Build guards over the built pages. Each problem names the file to fix (see sources.ts),
 * the page's URL and the reason, e.g.
 *   src/content/articles/x.mdx (/articles/x/): link "/programs/residential/" does not resolve to a built page
 */
import { graphProblems } from '../jsonld/validate.ts';
import { hasCanonical, noindexReason } from './indexing.ts';
import { descriptionProblem, documentTitle, pageTitle, titleProblem } from './limits.ts';
import type { PageFacts } from './page-facts.ts';
import type { BuiltSitemap } from './sitemap.ts';

export interface GuardContext {
  /** The production origin, e.g. "https://example.org" (no trailing slash). */
  origin: string;
  siteName: string;
  /** Every file in the build folder, as URL paths: "/index.html", "/_astro/a.png". */
  files: Set<string>;
  /**
   * Absolute URLs the sitemap lists, or the sitemap file the build lacks (a problem: the
   * build must write one). Undefined only where no sitemap is compared (tests of other rules).
   */
  sitemap?: BuiltSitemap | undefined;
  /** The source file behind a page path. */
  sourceOf: (path: string) => string;
}

export function findSeoProblems(pages: PageFacts[], ctx: GuardContext): string[] {
  const byPath = new Map(pages.map((p) => [p.path, p]));
  return [
    ...pages.flatMap((page) => [
      ...headProblems(page, ctx),
      ...referenceProblems(page, byPath, ctx),
      ...jsonLdProblems(page, ctx),
    ]),
    ...duplicateProblems(pages, ctx),
    ...sitemapProblems(pages, ctx),
  ];
}

const where = (page: PageFacts, ctx: GuardContext) => `${ctx.sourceOf(page.path)} (${page.path})`;

export function headProblems(page: PageFacts, ctx: GuardContext): string[] {
  const problems: string[] = [];
  const at = where(page, ctx);
  const own = page.title === undefined ? undefined : pageTitle(page.title, ctx.siteName);
  const title = titleProblem(own);
  if (title) problems.push(`${at}: ${title}.`);
  else if (own && page.title !== documentTitle(own, page.path, ctx.siteName)) {
    problems.push(`${at}: <title> "${page.title}" should end with " | ${ctx.siteName}".`);
  }
  const description = descriptionProblem(page.description);
  if (description) problems.push(`${at}: ${description}.`);

  const expected = `${ctx.origin}${page.path}`;
  if (hasCanonical(page.path)) {
    if (page.canonical !== expected) {
      problems.push(
        `${at}: canonical URL is ${page.canonical ? `"${page.canonical}"` : 'missing'}; expected "${expected}".`,
      );
    }
  } else if (page.canonical) {
    problems.push(`${at}: this page has no address of its own and must not have a canonical URL.`);
  }
  const reason = noindexReason(page.path);
  if (reason && !page.noindex) problems.push(`${at}: must carry robots noindex (${reason}).`);
  return problems;
}

/** Where a reference inside the site leads in the build folder. */
export function resolveInternal(
  raw: string,
  page: PageFacts,
  ctx: Pick<GuardContext, 'origin' | 'files'>,
): { path: string; hash: string; found: 'page' | 'file' | 'needs-slash' | undefined } | undefined {
  if (/^(mailto|tel|sms|data|javascript):/i.test(raw)) return undefined;
  // A fragment alone stays on this page, wherever it is served (the 404 page has no URL of its own).
  if (raw.startsWith('#')) return { path: page.path, hash: decodeURIComponent(raw.slice(1)), found: 'page' };
  let url: URL;
  try {
    url = new URL(raw, `${ctx.origin}${page.path}`);
  } catch {
    return { path: raw, hash: '', found: undefined };
  }
  if (url.origin !== ctx.origin) return undefined;
  const path = decodeURI(url.pathname);
  const hash = decodeURIComponent(url.hash.slice(1));
  let found: 'page' | 'file' | 'needs-slash' | undefined;
  if (path.endsWith('/')) found = ctx.files.has(`${path}index.html`) ? 'page' : undefined;
  else if (ctx.files.has(path)) found = path.endsWith('.html') ? 'page' : 'file';
  else if (ctx.files.has(`${path}/index.html`)) found = 'needs-slash';
  return { path, hash, found };
}

export function referenceProblems(
  page: PageFacts,
  byPath: Map<string, PageFacts>,
  ctx: GuardContext,
): string[] {
  const problems = new Set<string>();
  const at = where(page, ctx);
  for (const ref of page.references) {
    const target = resolveInternal(ref.raw, page, ctx);
    if (!target) continue;
    const what = ref.kind === 'image' ? 'image' : 'link';
    if (target.found === 'needs-slash') {
      problems.add(
        `${at}: ${what} "${ref.raw}" needs a trailing slash ("${target.path}/"); every page URL ends in "/".`,
      );
    } else if (!target.found) {
      problems.add(`${at}: ${what} "${ref.raw}" does not resolve to a built page or file.`);
    } else if (target.hash && target.found === 'page') {
      const linked =
        target.path === page.path
          ? page
          : byPath.get(target.path.replace(/index\.html$/, '').replace(/\.html$/, ''));
      if (linked && !linked.elementIds.has(target.hash)) {
        problems.add(
          `${at}: link "${ref.raw}" points at #${target.hash}, which is not an id on ${linked.path}.`,
        );
      }
    }
  }
  return [...problems];
}

export function jsonLdProblems(page: PageFacts, ctx: GuardContext): string[] {
  const at = where(page, ctx);
  const problems = page.jsonldErrors.map((e) => `${at}: JSON-LD is not valid JSON (${e}).`);
  // The 404 page has no URL of its own to hang a graph on.
  if (!hasCanonical(page.path)) return problems;
  if (page.jsonld.length !== 1 && page.jsonldErrors.length === 0) {
    problems.push(`${at}: expected one JSON-LD block with one @graph, found ${page.jsonld.length}.`);
  }
  for (const block of page.jsonld) problems.push(...graphProblems(block).map((p) => `${at}: JSON-LD ${p}.`));
  return problems;
}

export function duplicateProblems(pages: PageFacts[], ctx: GuardContext): string[] {
  const problems: string[] = [];
  for (const [field, get] of [
    ['title', (p: PageFacts) => p.title],
    ['meta description', (p: PageFacts) => p.description],
  ] as const) {
    const seen = new Map<string, PageFacts[]>();
    for (const page of pages) {
      const value = get(page)?.trim();
      if (value) seen.set(value, [...(seen.get(value) ?? []), page]);
    }
    for (const [value, same] of seen) {
      if (same.length < 2) continue;
      const [first, ...rest] = same.map((p) => where(p, ctx));
      problems.push(
        `${first}: duplicate ${field} "${value}", also used by ${rest.join(', ')}. Each page needs its own.`,
      );
    }
  }
  return problems;
}

/** The sitemap must list exactly the pages that may be indexed. */
export function sitemapProblems(pages: PageFacts[], ctx: GuardContext): string[] {
  if (ctx.sitemap === undefined) return [];
  if (!Array.isArray(ctx.sitemap)) {
    return [
      `sitemap: ${ctx.sitemap.missing} is missing from the build, so search engines get no list of the pages (@astrojs/sitemap writes it).`,
    ];
  }
  const listed = new Set(ctx.sitemap);
  const problems: string[] = [];
  const indexable = new Set<string>();
  for (const page of pages) {
    if (!hasCanonical(page.path)) continue;
    const url = `${ctx.origin}${page.path}`;
    if (page.noindex) {
      if (listed.has(url)) problems.push(`${where(page, ctx)}: is noindex but listed in the sitemap.`);
    } else {
      indexable.add(url);
      if (!listed.has(url))
        problems.push(`${where(page, ctx)}: may be indexed but is missing from the sitemap.`);
    }
  }
  for (const url of listed) {
    if (!indexable.has(url) && !pages.some((p) => `${ctx.origin}${p.path}` === url)) {
      problems.push(`sitemap: lists ${url}, which is not a built page.`);
    }
  }
  return problems;
}
