/**
 * Which pages search engines may index. SeoHead writes `robots: noindex` from these rules
 * (pages may also ask for it), and the sitemap leaves out every page whose built head says
 * noindex, so the two cannot disagree.
 */
export type NoindexReason = 'not-found' | 'confirmation' | 'pagination';

const rules: { reason: NoindexReason; test: (path: string) => boolean }[] = [
  // The 404 page is served at any missing address; it is never a result.
  { reason: 'not-found', test: (path) => /^\/404(\/|\.html)?$/.test(path) },
  // Reached only after a form is sent; a search result would confuse and mislead.
  { reason: 'confirmation', test: (path) => path === '/callback/thanks/' },
  // Article lists after the first page (all articles, or one topic's): thin and ever-changing.
  // Crawlers still follow their links, and the sitemap lists every article.
  {
    reason: 'pagination',
    test: (path) => Number(/^\/(?:articles|topics\/[^/]+)\/(\d+)\/$/.exec(path)?.[1] ?? 0) >= 2,
  },
];

export function noindexReason(path: string): NoindexReason | undefined {
  return rules.find((rule) => rule.test(path))?.reason;
}

/** The 404 page has no address of its own, so it gets no canonical URL. */
export function hasCanonical(path: string): boolean {
  return noindexReason(path) !== 'not-found';
}
