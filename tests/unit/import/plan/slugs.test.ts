/**
 * Article and topic slugs: decoded, transliterated, unique, deterministic.
 */
import { describe, expect, it } from 'vitest';
import { SLUG, articleSlug, termSlug, uniqueSlugs } from '../../../../src/import/wordpress/plan/slugs.ts';
import { FIXTURE_FILES, articlesOf, haveFixtures, load } from './fixtures.ts';

const post = (id: number, slug: string, title = '') => ({ id, slug, title });

describe('articleSlug', () => {
  it.each([
    ['plain slug kept', post(1, 'signs-of-relapse', 'Anything'), 'signs-of-relapse'],
    [
      'percent-encoded Greek decoded and transliterated',
      post(2, '%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf-2'),
      'epipedo-2',
    ],
    ['upper-case percent-encoding too', post(3, '%CE%B5%CF%80%CE%AF'), 'epi'],
    ['accented Latin', post(4, 'caf%c3%a9-cr%c3%a8me'), 'cafe-creme'],
    ['bad encoding kept raw, then slugified', post(5, 'bad%e0%a4slug'), 'bad-e0-a4slug'],
    ['empty slug: from the title', post(6, '', 'Draft: What &amp; Why'), 'draft-what-and-why'],
    ['empty slug: title with markup', post(7, '', '<em>Hello</em> world'), 'hello-world'],
    ['title with Greek', post(8, '', 'Ελληνικά-Greek'), 'ellinika-greek'],
    ['nothing usable: post-<id>', post(9, '', ''), 'post-9'],
    ['only punctuation: post-<id>', post(10, '%%%', '!!!'), 'post-10'],
    ['camel case not split', post(11, '', 'iPhone tips'), 'iphone-tips'],
    ['underscores become hyphens', post(12, 'my_post', ''), 'my-post'],
  ])('%s', (_, item, expected) => {
    expect(articleSlug(item)).toBe(expected);
    expect(articleSlug(item)).toMatch(SLUG);
  });
});

describe('termSlug', () => {
  it.each([
    ['uncategorized', 'uncategorized'],
    ['%ce%b1%cf%81%cf%87%ce%b9%ce%ba%ce%ae', 'arxiki'],
    ['Foo_Bar', 'foo-bar'],
    ['', ''],
  ])('%j -> %j', (raw, expected) => {
    expect(termSlug(raw)).toBe(expected);
  });
});

describe('uniqueSlugs', () => {
  it.each([
    {
      name: 'distinct slugs unchanged, no findings',
      items: [post(2, 'b'), post(1, 'a')],
      taken: [],
      slugs: { 1: 'a', 2: 'b' },
      changed: {},
    },
    {
      name: 'a duplicate: the lower id keeps it',
      items: [post(7, 'same'), post(3, 'same')],
      taken: [],
      slugs: { 3: 'same', 7: 'same-2' },
      changed: { 7: 'same-2' },
    },
    {
      name: 'taken by an existing article: -2',
      items: [post(1, 'about')],
      taken: ['about'],
      slugs: { 1: 'about-2' },
      changed: { 1: 'about-2' },
    },
    {
      name: 'an item really called a-2 keeps it; the duplicate a skips to a-3',
      items: [post(1, 'a'), post(2, 'a'), post(3, 'a-2')],
      taken: [],
      slugs: { 1: 'a', 2: 'a-3', 3: 'a-2' },
      changed: { 2: 'a-3' },
    },
    {
      name: 'suffixes skip taken ones',
      items: [post(1, 'x'), post(2, 'x')],
      taken: ['x-2'],
      slugs: { 1: 'x', 2: 'x-3' },
      changed: { 2: 'x-3' },
    },
    {
      name: 'empty slugs with the same title',
      items: [post(5, '', 'Hello'), post(4, '', 'Hello'), post(6, '', '')],
      taken: [],
      slugs: { 4: 'hello', 5: 'hello-2', 6: 'post-6' },
      changed: { 5: 'hello-2' },
    },
  ])('$name', ({ items, taken, slugs, changed }) => {
    const result = uniqueSlugs(items, new Set(taken));
    expect(Object.fromEntries(result.slugs)).toEqual(
      Object.fromEntries(Object.entries(slugs).map(([k, v]) => [Number(k), v])),
    );
    expect(Object.fromEntries(result.findings)).toEqual(
      Object.fromEntries(
        Object.entries(changed).map(([k, v]) => [
          Number(k),
          [{ code: 'slug-changed', review: false, detail: v }],
        ]),
      ),
    );
  });

  it('gives the same answer whatever the input order', () => {
    const items = [post(3, 'a'), post(1, 'a'), post(2, ''), post(4, 'a-2')];
    const forward = uniqueSlugs(items, new Set(['a-3']));
    const backward = uniqueSlugs([...items].reverse(), new Set(['a-3']));
    expect([...backward.slugs].sort()).toEqual([...forward.slugs].sort());
  });
});

describe.skipIf(!haveFixtures).each(FIXTURE_FILES)(
  'slugs of real export %s (skipped without ../shared)',
  (file) => {
    it('every imported post gets a valid slug, and no two the same', () => {
      const posts = articlesOf(load(file));
      expect(posts.length).toBeGreaterThan(0);
      const { slugs } = uniqueSlugs(posts, new Set());
      expect(slugs.size).toBe(posts.length);
      for (const slug of slugs.values()) expect(slug).toMatch(SLUG);
      expect(new Set(slugs.values()).size).toBe(posts.length);
    });

    it('every item of the export, pages and attachments too, slugifies validly', () => {
      for (const item of load(file).items) expect(articleSlug(item)).toMatch(SLUG);
    });

    it('percent-encoded slugs transliterate instead of falling back', () => {
      const encoded = load(file).items.filter((item) => /%[0-9a-f]{2}/i.test(item.slug));
      for (const item of encoded) expect(articleSlug(item)).not.toMatch(/^post-\d+$/);
    });
  },
);
