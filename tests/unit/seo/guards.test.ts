import { describe, expect, it } from 'vitest';
import { findSeoProblems, resolveInternal, type GuardContext } from '../../../src/lib/seo/guards.ts';
import { pathOfFile, readPageFacts } from '../../../src/lib/seo/page-facts.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllRedirects } from '@netlify/redirect-parser';
import { redirectLines, redirectProblems } from '../../../src/lib/seo/redirects.ts';
import { createSourceLookup } from '../../../src/lib/seo/sources.ts';

const origin = 'https://center.test';
const graph = (path: string) =>
  JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [{ '@type': 'WebPage', '@id': `${origin}${path}#webpage`, dateModified: '2026-01-02' }],
  });
/** A built page that passes every check; `change` swaps parts of it. */
function html(path: string, change: Partial<Record<'title' | 'description' | 'head' | 'body', string>> = {}) {
  const title = change.title ?? (path === '/' ? 'Home of the center' : `Page ${path} | Center`);
  const description =
    change.description ??
    `A description of ${path} that is long enough to be shown in search results, surely.`;
  const canonical = path === '/404' ? '' : `<link rel="canonical" href="${origin}${path}">`;
  const robots =
    path === '/404' || path === '/callback/thanks/' ? '<meta name="robots" content="noindex">' : '';
  const jsonld = path === '/404' ? '' : `<script type="application/ld+json">${graph(path)}</script>`;
  return `<!doctype html><html><head><title>${title}</title><meta name="description" content="${description}">${canonical}${robots}${change.head ?? ''}${jsonld}</head><body><main id="main"><h2 id="part">Part</h2>${change.body ?? ''}</main></body></html>`;
}
const fileOf = (path: string) => (path === '/404' ? '404.html' : `${path.slice(1)}index.html`);
const paths = ['/', '/programs/', '/articles/a/', '/callback/thanks/', '/404'];

function check(pages: Record<string, string>, extra: Partial<GuardContext> = {}) {
  const facts = Object.entries(pages).map(([path, page]) => readPageFacts(page, fileOf(path)));
  const files = new Set([...facts.map((f) => `/${f.file}`), '/rss.xml', '/_astro/a.png']);
  return findSeoProblems(facts, {
    origin,
    siteName: 'Center',
    files,
    sourceOf: createSourceLookup(
      ['src/content/articles/a.mdx'],
      [{ pattern: /^\/programs\/$/, entrypoint: 'src/pages/programs/index.astro' }],
    ),
    ...extra,
  });
}
const sound = Object.fromEntries(paths.map((p) => [p, html(p)]));

describe('pathOfFile', () => {
  it.each([
    ['index.html', '/'],
    ['articles/a/index.html', '/articles/a/'],
    ['404.html', '/404'],
    ['articles\\2\\index.html', '/articles/2/'],
  ])('%s -> %s', (file, path) => expect(pathOfFile(file)).toBe(path));
});

describe('readPageFacts', () => {
  it('reads the head, every reference and the JSON-LD', () => {
    const facts = readPageFacts(
      html('/articles/a/', {
        head: '<meta property="og:image" content="https://center.test/_astro/og.png"><link rel="alternate" href="/rss.xml"><link rel="preconnect" href="https://cdn.test">',
        body: '<a href="/programs/">p</a><img src="/_astro/a.png" srcset="/_astro/a.png 400w, /_astro/b.png 800w"><a href="tel:+1">t</a>',
      }),
      'articles/a/index.html',
    );
    expect(facts).toMatchObject({
      path: '/articles/a/',
      title: 'Page /articles/a/ | Center',
      canonical: 'https://center.test/articles/a/',
      noindex: false,
      dateModified: '2026-01-02',
      jsonldErrors: [],
    });
    expect(facts.references.map((r) => `${r.kind} ${r.raw}`)).toEqual([
      'link /programs/',
      'link tel:+1',
      'image /_astro/a.png',
      'image /_astro/a.png',
      'image /_astro/b.png',
      'head https://center.test/articles/a/',
      'head /rss.xml',
      'image https://center.test/_astro/og.png',
    ]);
    expect(facts.elementIds).toEqual(new Set(['main', 'part']));
  });

  it('reports JSON-LD that is not JSON', () => {
    const facts = readPageFacts('<script type="application/ld+json">{nope</script>', 'x/index.html');
    expect(facts.jsonld).toEqual([]);
    expect(facts.jsonldErrors).toHaveLength(1);
  });
});

describe('resolveInternal', () => {
  const page = readPageFacts(html('/articles/a/'), 'articles/a/index.html');
  const files = new Set(['/index.html', '/programs/index.html', '/rss.xml']);
  it.each([
    ['/programs/', 'page'],
    ['../../programs/', 'page'],
    ['https://center.test/programs/', 'page'],
    ['/programs', 'needs-slash'],
    ['/rss.xml', 'file'],
    ['/nowhere/', undefined],
    ['#main', 'page'],
  ])('%s', (raw, found) => expect(resolveInternal(raw, page, { origin, files })?.found).toBe(found));

  it.each(['https://other.test/', 'mailto:a@b.test', 'tel:988', 'sms:988'])('ignores %s', (raw) => {
    expect(resolveInternal(raw, page, { origin, files })).toBeUndefined();
  });
});

describe('findSeoProblems', () => {
  it('accepts a sound site', () => expect(check(sound)).toEqual([]));

  it.each([
    [
      'a duplicate title',
      { '/programs/': html('/programs/', { title: 'Page /articles/a/ | Center' }) },
      'src/pages/programs/index.astro (/programs/): duplicate title "Page /articles/a/ | Center", also used by src/content/articles/a.mdx (/articles/a/)',
    ],
    [
      'a duplicate description',
      {
        '/programs/': html('/programs/', {
          description:
            'A description of /articles/a/ that is long enough to be shown in search results, surely.',
        }),
      },
      'duplicate meta description',
    ],
    [
      'a short description',
      { '/articles/a/': html('/articles/a/', { description: 'Too short.' }) },
      'src/content/articles/a.mdx (/articles/a/): meta description is 10 characters; it must be 70-160',
    ],
    [
      'a long title',
      { '/articles/a/': html('/articles/a/', { title: `${'x'.repeat(61)} | Center` }) },
      'is 61 characters; keep it to 60',
    ],
    [
      'a title without the site name',
      { '/programs/': html('/programs/', { title: 'Programs' }) },
      'should end with " | Center"',
    ],
    [
      'a broken link',
      { '/articles/a/': html('/articles/a/', { body: '<a href="/programs/residential/">x</a>' }) },
      'src/content/articles/a.mdx (/articles/a/): link "/programs/residential/" does not resolve to a built page or file',
    ],
    [
      'a broken image',
      { '/articles/a/': html('/articles/a/', { body: '<img src="/images/gone.png" alt="">' }) },
      'image "/images/gone.png" does not resolve',
    ],
    [
      'a link without its trailing slash',
      { '/articles/a/': html('/articles/a/', { body: '<a href="/programs">x</a>' }) },
      'needs a trailing slash ("/programs/")',
    ],
    [
      'a link to a missing fragment',
      { '/articles/a/': html('/articles/a/', { body: '<a href="/programs/#nope">x</a>' }) },
      'points at #nope, which is not an id on /programs/',
    ],
    [
      'thanks without noindex',
      {
        '/callback/thanks/': html('/callback/thanks/').replace('<meta name="robots" content="noindex">', ''),
      },
      'must carry robots noindex (confirmation)',
    ],
    [
      'a wrong canonical',
      { '/programs/': html('/programs/').replace(`${origin}/programs/`, `${origin}/programs`) },
      'canonical URL is "https://center.test/programs"; expected "https://center.test/programs/"',
    ],
    [
      'a graph with a dangling reference',
      {
        '/programs/': html('/programs/').replace(
          '"dateModified"',
          '"about":{"@id":"#nowhere"},"dateModified"',
        ),
      },
      'JSON-LD reference to "#nowhere" does not resolve inside the graph',
    ],
    [
      'a page without JSON-LD',
      { '/programs/': html('/programs/').replace(/<script.*<\/script>/, '') },
      'expected one JSON-LD block with one @graph, found 0',
    ],
  ])('finds %s', (_name, change, expected) => {
    const problems = check({ ...sound, ...change });
    expect(problems.join('\n')).toContain(expected);
  });

  it('checks that the sitemap lists exactly the indexable pages', () => {
    const sitemap = [`${origin}/`, `${origin}/programs/`, `${origin}/callback/thanks/`, `${origin}/gone/`];
    expect(check(sound, { sitemap })).toEqual([
      'src/content/articles/a.mdx (/articles/a/): may be indexed but is missing from the sitemap.',
      'page /callback/thanks/ (/callback/thanks/): is noindex but listed in the sitemap.',
      'sitemap: lists https://center.test/gone/, which is not a built page.',
    ]);
  });
});

describe('createSourceLookup', () => {
  const lookup = createSourceLookup(
    [
      'src/content/articles/2026/iop.mdx',
      'src/content/programs/outpatient.mdx',
      'src/content/topics/mental-health.yaml',
      'src/content/pages/privacy.mdx',
    ],
    [
      { pattern: /^\/articles(?:\/(.*?))?\/$/, entrypoint: 'src/pages/articles/[...page].astro' },
      { pattern: /^\/404\/?$/, entrypoint: 'src/pages/404.astro' },
      { pattern: /^\/$/, entrypoint: 'src/pages/index.astro' },
    ],
  );
  it.each([
    ['/articles/iop/', 'src/content/articles/2026/iop.mdx'],
    ['/programs/outpatient/', 'src/content/programs/outpatient.mdx'],
    ['/topics/mental-health/', 'src/content/topics/mental-health.yaml'],
    ['/privacy/', 'src/content/pages/privacy.mdx'],
    ['/articles/2/', 'src/pages/articles/[...page].astro'],
    ['/404', 'src/pages/404.astro'],
    ['/', 'src/pages/index.astro'],
    ['/unknown/deep/', 'page /unknown/deep/'],
  ])('%s -> %s', (path, file) => expect(lookup(path)).toBe(file));
});

describe('legacy redirects', () => {
  const files = new Set([
    '/articles/index.html',
    '/articles/a/index.html',
    '/rss.xml',
    '/blog-kept/index.html',
  ]);
  it('compiles to one 301 line each', () => {
    expect(
      redirectLines([
        { from: '/blog/a/', to: '/articles/a/' },
        { from: '/feed/', to: '/rss.xml' },
      ]),
    ).toEqual(['/blog/a/ /articles/a/ 301', '/feed/ /rss.xml 301']);
  });

  it.each([
    ['a redirect to a built page', { from: '/blog/a/', to: '/articles/a/' }, []],
    ['a redirect to a built file', { from: '/feed/', to: '/rss.xml' }, []],
    [
      'a redirect to a missing page',
      { from: '/blog/b/', to: '/articles/b/' },
      ['no page is built at "/articles/b/"'],
    ],
    [
      'a redirect shadowed by a page',
      { from: '/blog-kept/', to: '/articles/' },
      ['a page is built at "/blog-kept/"'],
    ],
    [
      'a redirect to itself',
      { from: '/articles/a', to: '/articles/a/' },
      ['redirects to itself', 'a page is built at "/articles/a"'],
    ],
    ['a pattern', { from: '/blog/*', to: '/articles/' }, ['must be a plain path']],
    // WordPress's /?p=123: the path is the home page, so only the query tells it apart.
    ['a query redirect on a built page', { from: '/', query: { p: '5' }, to: '/articles/a/' }, []],
    [
      'a query value that is not plain',
      { from: '/', query: { p: '5 6' }, to: '/articles/a/' },
      ['query parameters must be plain'],
    ],
  ] as const)('%s', (_name, redirect, expected) => {
    const problems = redirectProblems([redirect], files);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(problems[i]).toContain(text));
    problems.forEach((p) => expect(p).toContain('src/legacy-urls.ts'));
  });

  it('writes a query redirect that Netlify reads as a forced 301 on that parameter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redirects-'));
    const file = join(dir, '_redirects');
    writeFileSync(
      file,
      redirectLines([{ from: '/', query: { p: '5' }, to: '/articles/a/' }]).join('\n') + '\n',
    );
    const { redirects, errors } = await parseAllRedirects({
      redirectsFiles: [file],
      configRedirects: [],
      minimal: true,
    });
    rmSync(dir, { recursive: true });
    expect(errors).toEqual([]);
    expect(redirects).toMatchObject([
      { from: '/', query: { p: '5' }, to: '/articles/a/', status: 301, force: true },
    ]);
  });

  it('tells the same path with other queries apart, and the same query twice', () => {
    const twice = redirectProblems(
      [
        { from: '/', query: { p: '5' }, to: '/articles/a/' },
        { from: '/', query: { p: '6' }, to: '/articles/a/' },
        { from: '/', query: { p: '5' }, to: '/articles/' },
      ],
      files,
    );
    expect(twice).toEqual([expect.stringContaining('"/?p=5" is redirected twice')]);
  });

  it('refuses the same old path twice and chains', () => {
    expect(
      redirectProblems(
        [
          { from: '/blog/a/', to: '/articles/a/' },
          { from: '/blog/a', to: '/articles/' },
          { from: '/old/', to: '/blog/a/' },
        ],
        files,
      ).join('\n'),
    ).toMatch(/redirected twice[\s\S]*"\/blog\/a\/" is itself redirected/);
  });
});
