/**
 * Article lists stay small however many articles there are: /articles/ and each topic
 * show 12 a page, later pages are noindex and left out of the sitemap, and every article
 * is reachable by following "Older articles". One fixture build with 13 extra articles.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite, type FixtureSite } from '../support/fixture-site.ts';

const EXTRA = 13;
const article = (n: number) => `---
title: Listing fixture ${n}
description: Fixture article number ${n}, one of several that fill the article lists so that they need a second page.
publishedAt: 2026-10-${String(n + 1).padStart(2, '0')}
reviewedAt: 2026-10-01
author: editorial-team
reviewer: clinical-review-team
topics: [mental-health]
---

Some text for the body of the article.
`;

let fixture: FixtureSite | undefined;
const page = async (path: string) =>
  load(await readFile(join(fixture!.root, 'dist', path, 'index.html'), 'utf8'));

beforeAll(async () => {
  const files = Object.fromEntries(
    Array.from({ length: EXTRA }, (_, n) => [`src/content/articles/listing-fixture-${n}.mdx`, article(n)]),
  );
  fixture = await createFixtureSite(files);
  const { code, output } = await fixture.build();
  expect(code, output).toBe(0);
}, 120_000);
afterAll(() => fixture?.remove());

const fixtureUrls = Array.from({ length: EXTRA }, (_, n) => `/articles/listing-fixture-${n}/`);
/** Every article page the sitemap lists: the whole site's articles, fixture and real. */
const sitemapArticles = async () => {
  const sitemap = await readFile(join(fixture!.root, 'dist', 'sitemap-0.xml'), 'utf8');
  return [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/articles\/[a-z][^/<]*\/)<\/loc>/g)].map((m) => m[1]);
};

describe.each([
  ['all articles', '/articles/', sitemapArticles],
  ['a topic', '/topics/mental-health/', async () => fixtureUrls],
])('the list of %s', (_label, first, mustList) => {
  it('shows 12 articles a page and links page to page until every article is listed', async () => {
    const seen = new Set<string>();
    let path: string | undefined = first;
    const pages: string[] = [];
    while (path) {
      const $ = await page(path);
      const links = $('main ul.grid a')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(links.length, path).toBeLessThanOrEqual(12);
      links.forEach((href) => seen.add(href));
      pages.push(path);
      path = $('nav.pagination a:contains("Older articles")').attr('href');
    }
    expect(pages).toEqual([first, `${first}2/`]);
    const expected = await mustList();
    expect(expected.length).toBeGreaterThanOrEqual(EXTRA);
    for (const url of expected) expect(seen, url).toContain(url);
  });

  it('keeps later pages out of search results and the sitemap, and titles them by number', async () => {
    const $ = await page(`${first}2/`);
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('h1').text()).toMatch(/\(page 2 of 2\)$/);
    expect($('link[rel="canonical"]').attr('href')).toMatch(new RegExp(`${first}2/$`));
    expect((await page(first))('meta[name="robots"]').length).toBe(0);
    const sitemap = await readFile(join(fixture!.root, 'dist', 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`${first}</loc>`);
    expect(sitemap).not.toContain(`${first}2/</loc>`);
  });
});
