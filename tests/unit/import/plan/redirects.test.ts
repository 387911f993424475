/**
 * The 301s of an import: every old address of each imported post and topic, valid by the
 * build's own rules (src/lib/seo/redirects.ts). Small exports written here, one per rule,
 * and the real theme unit test export from ../shared (skipped with a message without it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  attachmentPagesOf,
  planRedirects,
  type RedirectInput,
} from '../../../../src/import/wordpress/plan/redirects.ts';
import {
  emptyExport,
  emptyItem,
  readWxr,
  type WxrExport,
  type WxrItem,
} from '../../../../src/import/wordpress/wxr.ts';
import { redirectProblems, type LegacyRedirect } from '../../../../src/lib/seo/redirects.ts';
import { articleUrl } from '../../../../src/lib/urls.ts';

const FIXTURES = fileURLToPath(new URL('../../../../../shared/fixtures/wordpress/', import.meta.url));
const haveFixtures = existsSync(FIXTURES);
if (!haveFixtures)
  console.warn(`Skipping the real WordPress exports: ${FIXTURES} is absent (it lives in ../shared).`);

const item = (id: number, link: string, extra: Partial<WxrItem> = {}): WxrItem => ({
  ...emptyItem(),
  id,
  type: 'post',
  status: 'publish',
  link,
  ...extra,
});

const wxr = (items: WxrItem[], extra: Partial<WxrExport> = {}): WxrExport => ({
  ...emptyExport(),
  version: '1.2',
  link: 'https://old.example',
  baseSiteUrl: 'https://old.example',
  baseBlogUrl: 'https://old.example',
  items,
  ...extra,
});

const plan = (exp: WxrExport, slugs: [number, string][], more: Partial<RedirectInput> = {}) =>
  planRedirects({
    export: exp,
    slugOf: new Map(slugs),
    topicOf: new Map(),
    attachmentsOf: attachmentPagesOf(exp),
    keep: [],
    ...more,
  });

describe('old addresses of a post', () => {
  it.each([
    ['its link path', 'https://old.example/2013/01/10/foo/', {}, ['/2013/01/10/foo/']],
    [
      'each old slug, same permalink shape',
      'https://old.example/2013/01/10/foo/',
      { _wp_old_slug: ['bar', 'baz'] },
      ['/2013/01/10/bar/', '/2013/01/10/baz/', '/2013/01/10/foo/'],
    ],
    [
      'an old slug in lower-case percent-encoding',
      'https://old.example/foo/',
      { _wp_old_slug: ['%ce%b1'] },
      ['/%CE%B1/', '/foo/'],
    ],
    ['a raw UTF-8 link', 'https://old.example/αβ/', {}, ['/%CE%B1%CE%B2/']],
    ['characters the build refuses, encoded', 'https://old.example/a b*c:d/', {}, ['/a%20b%2Ac%3Ad/']],
    ['no path for a ?p= link', 'https://old.example/?p=10', { _wp_old_slug: ['bar'] }, []],
    ['no trailing slash kept as is', 'https://old.example/foo', {}, ['/foo']],
  ])('%s', (_, link, meta, froms) => {
    const result = plan(wxr([item(10, link, { meta })]), [[10, 'new-foo']]);
    expect(result.redirects.map(({ from }) => from)).toEqual(froms);
    expect(result.redirects.every(({ to }) => to === articleUrl('new-foo'))).toBe(true);
    expect(result.queryRedirects).toEqual([{ param: 'p', value: '10', to: '/articles/new-foo/' }]);
    expect(result.findings).toEqual([]);
  });

  it.each([
    // The folder stays: it is part of the address visitors ask for.
    [
      'a sub-folder site',
      'https://old.example/demo',
      'https://old.example/demo/2013/foo/',
      '/demo/2013/foo/',
    ],
    [
      'a sub-folder in raw UTF-8',
      'https://old.example/βλογ/',
      'https://old.example/%ce%b2%ce%bb%ce%bf%ce%b3/foo/',
      '/%CE%B2%CE%BB%CE%BF%CE%B3/foo/',
    ],
    [
      'a link outside the folder',
      'https://old.example/demo',
      'https://old.example/other/foo/',
      '/other/foo/',
    ],
    ['a ?p= link in a sub-folder', 'https://old.example/demo', 'https://old.example/demo/?p=10', null],
  ])('relative to %s', (_, base, link, from) => {
    const exp = wxr([item(10, link)], { baseSiteUrl: base, baseBlogUrl: base, link: base });
    const result = plan(exp, [[10, 'foo']]);
    expect(result.redirects.map(({ from }) => from)).toEqual(from === null ? [] : [from]);
    expect(result.findings).toEqual([]);
  });

  it('attachment pages of the post, not those of other posts', () => {
    const exp = wxr([
      item(10, 'https://old.example/foo/'),
      item(11, 'https://old.example/foo/photo/', { type: 'attachment', parent: 10 }),
      item(12, 'https://old.example/?attachment_id=12', { type: 'attachment', parent: 10 }),
      item(13, 'https://old.example/other/photo/', { type: 'attachment', parent: 99 }),
      item(14, 'https://old.example/?attachment_id=14', { type: 'attachment', parent: 10 }),
    ]);
    const result = plan(exp, [[10, 'foo']]);
    expect(result.redirects).toEqual([
      { from: '/foo/', to: '/articles/foo/' },
      { from: '/foo/photo/', to: '/articles/foo/' },
    ]);
    expect(result.findings).toEqual([{ code: 'redirect-unexpressible', review: false, detail: 'query' }]);
  });

  it('only imported posts', () => {
    const exp = wxr([item(10, 'https://old.example/foo/'), item(11, 'https://old.example/private/')]);
    expect(plan(exp, [[10, 'foo']]).redirects).toEqual([{ from: '/foo/', to: '/articles/foo/' }]);
    expect(plan(exp, [[10, 'foo']]).queryRedirects.map(({ value }) => value)).toEqual(['10']);
  });
});

describe('category archives of topics', () => {
  const exp = wxr([], {
    categories: [
      { slug: 'parent', name: 'Parent', description: '', parent: '' },
      { slug: 'child', name: 'Child', description: '', parent: 'parent' },
      { slug: 'grandchild', name: 'Grandchild', description: '', parent: 'child' },
      { slug: 'uncategorized', name: 'Uncategorized', description: '', parent: '' },
      { slug: 'loop-a', name: 'A', description: '', parent: 'loop-b' },
      { slug: 'loop-b', name: 'B', description: '', parent: 'loop-a' },
    ],
  });
  it.each([
    ['parent', ['/category/parent/']],
    ['child', ['/category/child/', '/category/parent/child/']],
    ['grandchild', ['/category/grandchild/', '/category/parent/child/grandchild/']],
    ['uncategorized', []],
    ['loop-a', ['/category/loop-a/', '/category/loop-b/loop-a/']],
  ])('%s', (slug, froms) => {
    const topicOf = new Map(slug === 'uncategorized' ? [] : [[slug, `t-${slug}`]]);
    const result = plan(exp, [], { topicOf });
    expect(result.redirects).toEqual(froms.map((from) => ({ from, to: `/topics/t-${slug}/` })));
  });
});

describe('the build rules hold', () => {
  it.each<[string, WxrItem[], [number, string][], LegacyRedirect[], LegacyRedirect[], object[]]>([
    [
      'an address already hand-written is not repeated',
      [item(10, 'https://old.example/blog/foo/')],
      [[10, 'foo']],
      [{ from: '/blog/foo', to: '/articles/foo/' }],
      [],
      [{ code: 'redirect-exists', review: false, detail: '/blog/foo/' }],
    ],
    [
      'a redirect to itself is dropped',
      [item(10, 'https://old.example/articles/foo/')],
      [[10, 'foo']],
      [],
      [],
      [],
    ],
    [
      'two posts on one old address: the lower id wins, reported',
      [
        item(11, 'https://old.example/b/', { meta: { _wp_old_slug: ['a'] } }),
        item(10, 'https://old.example/a/'),
      ],
      [
        [10, 'a-new'],
        [11, 'b-new'],
      ],
      [],
      [
        { from: '/a/', to: '/articles/a-new/' },
        { from: '/b/', to: '/articles/b-new/' },
      ],
      [{ code: 'redirect-conflict', review: true, detail: '/a/' }],
    ],
    [
      'one post claiming one address twice is no conflict',
      [item(10, 'https://old.example/a/', { meta: { _wp_old_slug: ['a', 'a'] } })],
      [[10, 'x']],
      [],
      [{ from: '/a/', to: '/articles/x/' }],
      [],
    ],
    [
      'an old address that is a new page is not redirected',
      [item(10, 'https://old.example/articles/b/'), item(11, 'https://old.example/b/')],
      [
        [10, 'a'],
        [11, 'b'],
      ],
      [],
      [{ from: '/b/', to: '/articles/b/' }],
      [{ code: 'redirect-shadows-page', review: true, detail: '/articles/b/' }],
    ],
    [
      'the home page is not redirected',
      [item(10, 'https://old.example/')],
      [[10, 'a']],
      [],
      [],
      [{ code: 'redirect-shadows-page', review: true, detail: '/' }],
    ],
  ])('%s', (_, items, slugs, keep, redirects, findings) => {
    const result = plan(wxr(items), slugs, { keep });
    expect(result.redirects).toEqual(redirects);
    expect(result.findings).toEqual(findings);
  });

  it('sorted by old path and deterministic whatever the order of the export', () => {
    const items = [
      item(3, 'https://old.example/c/'),
      item(1, 'https://old.example/b/', { meta: { _wp_old_slug: ['z'] } }),
      item(2, 'https://old.example/a/'),
    ];
    const slugs: [number, string][] = [
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
    ];
    const forward = plan(wxr(items), slugs);
    const backward = plan(wxr([...items].reverse()), [...slugs].reverse());
    expect(forward).toEqual(backward);
    expect(forward.redirects.map(({ from }) => from)).toEqual(['/a/', '/b/', '/c/', '/z/']);
    expect(forward.queryRedirects.map(({ value }) => value)).toEqual(['1', '2', '3']);
  });
});

// Built pages as the build would list them: the targets, so redirectProblems checks the rest.
const builtFrom = (redirects: readonly LegacyRedirect[]) =>
  new Set(redirects.map(({ to }) => (to.endsWith('/') ? `${to}index.html` : to)));

describe.skipIf(!haveFixtures).each(['themeunittestdata.wordpress.xml', 'wptest/wptest.xml'])(
  'real export %s (skipped without ../shared)',
  (file) => {
    let exp: WxrExport;
    beforeAll(() => {
      const path = `${FIXTURES}${file}`;
      exp = readWxr(readFileSync(path, 'utf8'), path);
    });

    it('every redirect is a plain, unique path by the build rules, and every post has one', () => {
      const posts = exp.items.filter(
        (entry) => entry.type === 'post' && entry.status === 'publish' && !entry.hasPassword,
      );
      const slugOf = new Map(posts.map((post) => [post.id, `p-${post.id}`]));
      const topicOf = new Map(
        exp.categories.filter((c) => c.slug !== 'uncategorized').map((c) => [c.slug, c.slug]),
      );
      const result = planRedirects({
        export: exp,
        slugOf,
        topicOf,
        attachmentsOf: attachmentPagesOf(exp),
        keep: [],
      });
      expect(redirectProblems(result.redirects, builtFrom(result.redirects))).toEqual([]);
      expect(new Set(result.redirects.map(({ from }) => from.replace(/\/$/, ''))).size).toBe(
        result.redirects.length,
      );
      const targets = new Set(result.redirects.map(({ to }) => to));
      for (const post of posts) expect(targets).toContain(articleUrl(`p-${post.id}`));
      expect(result.queryRedirects).toHaveLength(posts.length);
      expect(result.findings.filter(({ review }) => review)).toEqual([]);
    });

    it('with the hand-written list, still valid together', async () => {
      const { legacyUrls } = await import('../../../../src/legacy-urls.ts');
      const slugOf = new Map(
        exp.items.filter((entry) => entry.type === 'post').map((post) => [post.id, `p-${post.id}`]),
      );
      const topicOf = new Map(exp.categories.map((c) => [c.slug, c.slug]));
      const result = planRedirects({
        export: exp,
        slugOf,
        topicOf,
        attachmentsOf: attachmentPagesOf(exp),
        keep: legacyUrls,
      });
      const all = [...legacyUrls, ...result.redirects];
      expect(redirectProblems(all, builtFrom(all))).toEqual([]);
    });
  },
);
