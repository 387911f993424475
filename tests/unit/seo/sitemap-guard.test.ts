/**
 * A build without its sitemap must fail the SEO guard: the rule on its own, and the
 * build hook over a real build folder on disk.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { seoGuards } from '../../../src/integrations/seo-guards.ts';
import { sitemapProblems } from '../../../src/lib/seo/guards.ts';
import { readPageFacts } from '../../../src/lib/seo/page-facts.ts';
import { readSitemap } from '../../../src/lib/seo/sitemap.ts';

const origin = 'https://center.test';
const index = `<sitemapindex><sitemap><loc>${origin}/sitemap-0.xml</loc></sitemap></sitemapindex>`;
const urlset = `<urlset><url><loc>${origin}/</loc></url></urlset>`;
const MISSING_INDEX =
  'sitemap: /sitemap-index.xml is missing from the build, so search engines get no list of the pages (@astrojs/sitemap writes it).';

/** A home page that passes every other SEO rule. */
const home = `<!doctype html><html><head><title>Home of the center</title><meta name="description" content="A description of the home page that is long enough to be shown in search results."><link rel="canonical" href="${origin}/"><script type="application/ld+json">${JSON.stringify(
  {
    '@context': 'https://schema.org',
    '@graph': [{ '@type': 'WebPage', '@id': `${origin}/#webpage`, dateModified: '2026-01-02' }],
  },
)}</script></head><body><main id="main"><h1>Home</h1></main></body></html>`;

describe('readSitemap', () => {
  it.each([
    ['no sitemap at all', {}, { missing: '/sitemap-index.xml' }],
    ['an index whose sitemap is missing', { '/sitemap-index.xml': index }, { missing: '/sitemap-0.xml' }],
    ['an index and its sitemap', { '/sitemap-index.xml': index, '/sitemap-0.xml': urlset }, [`${origin}/`]],
  ])('%s', (_, files: Record<string, string>, expected) => {
    expect(readSitemap((file) => files[file])).toEqual(expected);
  });
});

describe('sitemapProblems', () => {
  const ctx = { origin, siteName: 'Center', files: new Set<string>(), sourceOf: (path: string) => path };
  const pages = [readPageFacts(home, 'index.html')];

  it.each([
    ['the index', { missing: '/sitemap-index.xml' }, [MISSING_INDEX]],
    [
      'a sitemap the index lists',
      { missing: '/sitemap-0.xml' },
      [
        'sitemap: /sitemap-0.xml is missing from the build, so search engines get no list of the pages (@astrojs/sitemap writes it).',
      ],
    ],
    ['nothing', [`${origin}/`], []],
  ])('missing %s', (_, sitemap, expected) => {
    expect(sitemapProblems(pages, { ...ctx, sitemap })).toEqual(expected);
  });
});

describe('the seo-guards build hook', () => {
  let dir = '';
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function build(files: Record<string, string>): Promise<() => void> {
    dir = await mkdtemp(join(tmpdir(), 'seo-sitemap-'));
    const out = join(dir, 'dist');
    await mkdir(out, { recursive: true });
    for (const [file, text] of Object.entries(files)) await writeFile(join(out, file), text);
    const hooks = seoGuards({ origin, siteName: 'Center' }).hooks as Record<string, (arg: unknown) => void>;
    hooks['astro:config:done']!({ config: { root: pathToFileURL(`${dir}/`) } });
    hooks['astro:routes:resolved']!({ routes: [] });
    return () => hooks['astro:build:done']!({ dir: pathToFileURL(`${out}/`), logger: { info: () => {} } });
  }

  it('fails a build that has no sitemap, naming the file', async () => {
    const done = await build({ 'index.html': home });
    expect(done).toThrow(MISSING_INDEX);
  });

  it('passes the same build with its sitemap', async () => {
    const done = await build({ 'index.html': home, 'sitemap-index.xml': index, 'sitemap-0.xml': urlset });
    expect(done).not.toThrow();
  });
});
