import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { legacyUrls } from '../../src/legacy-urls.ts';
import { site } from '../../src/site.config.ts';
import { builtPages, distDir, type BuiltPage } from '../support/dist.ts';
import { locationFiles } from '../support/locations.ts';

// Checks every built page the way a crawler reads it. The expectations are written out
// here rather than imported from src/lib/seo, so a wrong rule there cannot pass itself.
type Node = Record<string, unknown> & { '@id': string; '@type': string };

const pages = builtPages();
const origin = site.url;
// /team/ is noindex while no clinician has a profile (/team/<slug>/): it has nothing to list yet.
const noProfiles = !pages.some((p) => /^\/team\/[^/]+\/$/.test(p.path));
const NOINDEX = (path: string) =>
  path === '/404' ||
  path === '/callback/thanks/' ||
  path === '/insurance/thanks/' ||
  path === '/callback/busy/' ||
  (path === '/team/' && noProfiles) ||
  Number(/^\/articles\/(\d+)\/$/.exec(path)?.[1] ?? 0) >= 2;
const isArticle = (path: string) => /^\/articles\/[a-z][a-z0-9-]*\/$/.test(path);
const isProgram = (path: string) => /^\/programs\/[a-z][a-z0-9-]*\/$/.test(path);
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const DATE_KEYS = new Set(['datePublished', 'dateModified', 'lastReviewed', 'dateCreated', 'uploadDate']);
const PAGE_TYPES = new Set(['WebPage', 'CollectionPage', 'ContactPage', 'AboutPage', 'ProfilePage', 'MedicalWebPage']);

/** Properties every node of a type must have. */
const REQUIRED: Record<string, string[]> = {
  MedicalOrganization: ['name', 'url', 'telephone', 'address', 'medicalSpecialty', 'isAcceptingNewPatients', 'contactPoint'],
  MedicalClinic: ['name', 'url', 'telephone', 'address', 'geo', 'openingHoursSpecification', 'medicalSpecialty', 'isAcceptingNewPatients', 'parentOrganization'],
  WebSite: ['name', 'url', 'publisher', 'inLanguage'],
  WebPage: ['url', 'name', 'description', 'isPartOf', 'inLanguage'],
  CollectionPage: ['url', 'name', 'description', 'isPartOf', 'inLanguage'],
  ContactPage: ['url', 'name', 'description', 'isPartOf', 'inLanguage'],
  MedicalWebPage: ['url', 'name', 'description', 'isPartOf', 'inLanguage', 'about', 'audience'],
  Article: ['headline', 'description', 'datePublished', 'dateModified', 'author', 'publisher', 'image', 'mainEntityOfPage'],
  BreadcrumbList: ['itemListElement'],
  ImageObject: ['url', 'width', 'height'],
  MedicalTherapy: ['name', 'description', 'url', 'howPerformed'],
  Person: ['name'],
  Organization: ['name'],
};

const meta = ($: BuiltPage['$'], key: string) =>
  $(`meta[property="${key}"], meta[name="${key}"]`).attr('content');
const ownTitle = (page: BuiltPage) => page.$('title').text().replace(new RegExp(` \\| ${site.name}$`), '');
const distFileOf = (url: string) => {
  const path = decodeURI(new URL(url, `${origin}/`).pathname);
  return join(distDir, path.endsWith('/') ? `${path}index.html` : path);
};
const graphOf = (page: BuiltPage): Node[] => {
  const blocks = page.$('script[type="application/ld+json"]');
  return blocks.length === 1 ? (JSON.parse(blocks.text())['@graph'] as Node[]) : [];
};
const refs = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (!value || typeof value !== 'object') return [];
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '@id') return [(value as { '@id': string })['@id']];
  return Object.values(value).flatMap(refs);
};
const datesIn = (value: unknown, key = ''): [string, unknown][] => {
  if (Array.isArray(value)) return value.flatMap((v) => datesIn(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => datesIn(v, k));
  return DATE_KEYS.has(key) ? [[key, value]] : [];
};

it('builds the pages this test expects to see', () => {
  const paths = pages.map((p) => p.path);
  for (const path of ['/', '/404', '/articles/', '/articles/iop-vs-outpatient/', '/programs/outpatient/', '/callback/thanks/']) {
    expect(paths).toContain(path);
  }
});

describe.each(pages.map((page) => [page.path, page] as const))('%s', (path, page) => {
  const { $ } = page;
  const canonical = `${origin}${path}`;
  const graph = graphOf(page);
  const byId = new Map(graph.map((n) => [n['@id'], n]));
  const ofType = (type: string) => graph.filter((n) => n['@type'] === type);

  it('has one title of at most 60 characters before the site name, and a description of 70-160', () => {
    expect($('title')).toHaveLength(1);
    const title = $('title').text();
    if (path === '/') expect(title).not.toContain(' | ');
    else expect(title).toMatch(new RegExp(`^.+ \\| ${site.name}$`));
    expect(ownTitle(page).length).toBeLessThanOrEqual(60);
    expect($('meta[name="description"]')).toHaveLength(1);
    expect(meta($, 'description')?.length).toBeGreaterThanOrEqual(70);
    expect(meta($, 'description')?.length).toBeLessThanOrEqual(160);
  });

  it('has an absolute canonical URL with a trailing slash (none on the 404 page)', () => {
    const href = $('link[rel="canonical"]').attr('href');
    if (path === '/404') return expect(href).toBeUndefined();
    expect(href).toBe(canonical);
    expect(href).toMatch(/^https:\/\/[^/]+\/(.*\/)?$/);
    expect(existsSync(distFileOf(canonical))).toBe(true);
  });

  it(`is ${NOINDEX(path) ? '' : 'not '}noindex`, () => {
    expect(($('meta[name="robots"]').attr('content') ?? '').includes('noindex')).toBe(NOINDEX(path));
  });

  it('has Open Graph and Twitter tags with a 1200x630 image built into dist', async () => {
    expect(meta($, 'og:type')).toBe(isArticle(path) ? 'article' : 'website');
    expect(meta($, 'og:title')).toBe(ownTitle(page));
    expect(meta($, 'og:description')).toBe(meta($, 'description'));
    expect(meta($, 'og:site_name')).toBe(site.name);
    if (path !== '/404') expect(meta($, 'og:url')).toBe(canonical);
    expect(meta($, 'twitter:card')).toBe('summary_large_image');
    expect(meta($, 'twitter:title')).toBe(ownTitle(page));
    expect(meta($, 'twitter:description')).toBe(meta($, 'description'));
    const image = meta($, 'og:image')!;
    expect(image.startsWith(`${origin}/_astro/`)).toBe(true);
    expect(meta($, 'twitter:image')).toBe(image);
    expect(meta($, 'og:image:alt')).toBeTruthy();
    expect([meta($, 'og:image:width'), meta($, 'og:image:height')]).toEqual(['1200', '630']);
    const { width, height } = await sharp(distFileOf(image)).metadata();
    expect([width, height]).toEqual([1200, 630]);
  });

  it('links the RSS feed from the head', () => {
    const feed = $('head link[rel="alternate"][type="application/rss+xml"]');
    expect(feed).toHaveLength(1);
    expect(existsSync(distFileOf(feed.attr('href')!))).toBe(true);
  });

  if (path === '/404') {
    it('has no JSON-LD (it has no URL of its own)', () => {
      expect($('script[type="application/ld+json"]')).toHaveLength(0);
    });
    return;
  }

  it('has one JSON-LD @graph, with < escaped', () => {
    const blocks = $('script[type="application/ld+json"]');
    expect(blocks).toHaveLength(1);
    expect(blocks.text()).not.toContain('<');
    const doc = JSON.parse(blocks.text());
    expect(doc['@context']).toBe('https://schema.org');
    expect(Array.isArray(doc['@graph'])).toBe(true);
    expect(Object.keys(doc).sort()).toEqual(['@context', '@graph']);
  });

  it('gives every node a type and a unique @id, and every reference resolves inside the graph', () => {
    for (const node of graph) {
      expect(typeof node['@type'], JSON.stringify(node)).toBe('string');
      expect(typeof node['@id'], JSON.stringify(node)).toBe('string');
    }
    expect(byId.size).toBe(graph.length);
    expect(refs(graph).filter((id) => !byId.has(id))).toEqual([]);
  });

  it('gives each node the properties its type needs', () => {
    const missing = graph.flatMap((node) =>
      (REQUIRED[node['@type']] ?? []).filter((key) => node[key] === undefined).map((key) => `${node['@id']} ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('writes every date in ISO 8601', () => {
    const dates = datesIn(graph);
    for (const [key, value] of dates) {
      expect(value, key).toMatch(ISO_8601);
      expect(Number.isNaN(Date.parse(String(value))), key).toBe(false);
    }
  });

  it('has the site-wide organization, clinics and website, and the page itself', () => {
    expect(byId.get(`${origin}/#organization`)?.['@type']).toBe('MedicalOrganization');
    expect(ofType('MedicalClinic')).toHaveLength(locationFiles.length);
    expect(byId.get(`${origin}/#website`)?.['@type']).toBe('WebSite');
    const webpage = byId.get(`${canonical}#webpage`);
    expect(PAGE_TYPES.has(webpage?.['@type'] ?? '')).toBe(true);
    expect(webpage?.['url']).toBe(canonical);
    expect(graph.filter((n) => PAGE_TYPES.has(n['@type']))).toHaveLength(1);
    expect(JSON.stringify(graph)).not.toMatch(/FAQPage|"Question"/);
  });

  it('has a BreadcrumbList that matches the visible trail (none on the home page)', () => {
    const visible = $('nav[aria-label="Breadcrumb"] li')
      .toArray()
      .map((li) => ({
        name: $(li).text().trim(),
        item: new URL($(li).find('a').attr('href') ?? path, `${origin}/`).href,
      }));
    const lists = ofType('BreadcrumbList');
    if (path === '/') {
      expect(visible).toEqual([]);
      return expect(lists).toEqual([]);
    }
    if (!NOINDEX(path)) expect(visible.length).toBeGreaterThanOrEqual(2);
    if (visible.length === 0) return expect(lists).toEqual([]);
    expect(lists).toHaveLength(1);
    expect(byId.get(`${canonical}#webpage`)?.['breadcrumb']).toEqual({ '@id': lists[0]!['@id'] });
    const items = lists[0]!['itemListElement'] as { position: number; name: string; item: string }[];
    expect(items.map((i) => i.position)).toEqual(visible.map((_, i) => i + 1));
    expect(items.map(({ name, item }) => ({ name, item }))).toEqual(visible);
    expect(items.at(-1)?.item).toBe(canonical);
  });

  if (isArticle(path)) {
    it('is a MedicalWebPage with a credentialed reviewer and an Article', () => {
      const webpage = byId.get(`${canonical}#webpage`)!;
      expect(webpage['@type']).toBe('MedicalWebPage');
      expect(webpage['lastReviewed']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const reviewer = byId.get((webpage['reviewedBy'] as { '@id': string })['@id'])!;
      expect(['Person', 'Organization']).toContain(reviewer['@type']);
      expect((reviewer['hasCredential'] as unknown[]).length).toBeGreaterThan(0);
      expect($('.review time').attr('datetime')).toBe(webpage['lastReviewed']);

      const article = byId.get(`${canonical}#article`)!;
      expect(article['@type']).toBe('Article');
      expect(article['headline']).toBe($('h1').first().text().trim());
      expect(article['mainEntityOfPage']).toEqual({ '@id': `${canonical}#webpage` });
      expect(byId.get((article['author'] as { '@id': string })['@id'])?.['name']).toBeTruthy();
      expect(article['publisher']).toEqual({ '@id': `${origin}/#organization` });
      const image = byId.get((article['image'] as { '@id': string })['@id'])!;
      expect(image['url']).toBe(meta($, 'og:image'));
      expect(meta($, 'article:published_time')).toBe(article['datePublished']);
    });
  }

  if (isProgram(path)) {
    it('is a MedicalWebPage about a MedicalTherapy with the program facts', () => {
      const webpage = byId.get(`${canonical}#webpage`)!;
      expect(webpage['@type']).toBe('MedicalWebPage');
      const therapy = byId.get((webpage['about'] as { '@id': string })['@id'])!;
      expect(therapy['@type']).toBe('MedicalTherapy');
      expect(therapy['name']).toBe($('h1').first().text().trim());
      expect(therapy['howPerformed']).toMatch(/hours? a week/);
      expect((therapy['contraindication'] as string[]).length).toBeGreaterThan(0);
    });
  }
});

describe('the site as a whole', () => {
  const indexable = pages.filter((p) => !NOINDEX(p.path)).map((p) => `${origin}${p.path}`);

  it('gives every page its own title and description', () => {
    const dupes = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);
    expect(dupes(pages.map((p) => p.$('title').text()))).toEqual([]);
    expect(dupes(pages.map((p) => meta(p.$, 'description') ?? ''))).toEqual([]);
  });

  const read = (file: string) => readFileSync(join(distDir, file), 'utf8');
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  const sitemapXml = locs(read('sitemap-index.xml')).map((url) => read(new URL(url).pathname));

  it('lists exactly the indexable pages in the sitemap', () => {
    expect(sitemapXml.flatMap(locs).sort()).toEqual([...indexable].sort());
  });

  it('dates sitemap entries from the pages’ own dateModified', () => {
    const entries = sitemapXml.flatMap((xml) =>
      [...xml.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/g)].map((m) => [m[1]!, m[2]] as const),
    );
    for (const [url, lastmod] of entries) {
      const page = pages.find((p) => `${origin}${p.path}` === url)!;
      const modified = graphOf(page).find((n) => n['@id'] === `${url}#webpage`)?.['dateModified'];
      if (modified === undefined) expect(lastmod, url).toBeUndefined();
      else expect(lastmod?.slice(0, 10), url).toBe(modified);
    }
    const article = entries.find(([url]) => url.endsWith('/articles/iop-vs-outpatient/'));
    expect(article?.[1]).toMatch(ISO_8601);
  });

  it('points robots.txt at the sitemap', () => {
    expect(read('robots.txt')).toContain(`Sitemap: ${origin}/sitemap-index.xml`);
    expect(read('robots.txt')).not.toMatch(/^Disallow: \/$/m);
  });

  it('lists every article in the RSS feed, each linking to a built page', () => {
    const rss = read('rss.xml');
    const links = [...rss.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
    const articles = pages.filter((p) => isArticle(p.path)).map((p) => `${origin}${p.path}`);
    expect(links.sort()).toEqual(articles.sort());
  });

  it('sends every legacy URL to a built page with a 301', () => {
    const lines = read('_redirects')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const redirects = lines.map((l) => l.split(/\s+/));
    for (const r of legacyUrls) expect(redirects).toContainEqual([r.from, r.to, '301']);
    for (const [from, to, status] of redirects) {
      if (status !== '301' && status !== '302') continue; // rewrites (200) to functions are not page redirects
      expect(existsSync(distFileOf(to!)), `${from} -> ${to}`).toBe(true);
      expect(existsSync(distFileOf(from!.endsWith('/') ? from! : `${from}/`)), `${from} is a built page`).toBe(false);
    }
  });
});
