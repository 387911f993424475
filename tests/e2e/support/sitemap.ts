import type { APIRequestContext } from '@playwright/test';

/** Paths of every page the sitemap lists, read the way a search engine reads them. */
export async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const locs = async (url: string) => {
    const xml = await (await request.get(url)).text();
    return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  };
  const sitemaps = await locs('/sitemap-index.xml');
  return (await Promise.all(sitemaps.map(locs))).flat().sort();
}
