import type { APIRequestContext } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Paths of every page the sitemap lists, read the way a search engine reads them. */
export async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const locs = async (url: string) => {
    const xml = await (await request.get(url)).text();
    return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  };
  const sitemaps = await locs('/sitemap-index.xml');
  return (await Promise.all(sitemaps.map(locs))).flat().sort();
}

/**
 * The same paths read from dist/ when the test file loads, so that each page can be a
 * test of its own (Playwright needs the list before any server runs).
 */
export function builtPaths(): string[] {
  const dist = join(import.meta.dirname, '..', '..', '..', 'dist');
  return readdirSync(dist)
    .filter((file) => /^sitemap-\d+\.xml$/.test(file))
    .flatMap((file) => [...readFileSync(join(dist, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)])
    .map((m) => new URL(m[1]!).pathname)
    .sort();
}
