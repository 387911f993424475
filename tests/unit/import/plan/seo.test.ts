/**
 * Article titles, descriptions, indexing and collisions, from the post and its Yoast settings.
 */
import { describe, expect, it } from 'vitest';
import { SEO_LIMITS, articleSeo, findCollisions } from '../../../../src/import/wordpress/plan/seo.ts';
import { yoastSeo, type YoastSeo } from '../../../../src/import/wordpress/yoast.ts';
import { FIXTURE_FILES, articlesOf, haveFixtures, load } from './fixtures.ts';

const NO_YOAST: YoastSeo = {
  title: null,
  description: null,
  noindex: false,
  canonical: null,
  unresolved: [],
};
const DESC = 'A plain description of relapse warning signs that is long enough for search results.';
const LINK = 'https://old.example/2020/05/signs-of-relapse/';
const seo = (
  title: string,
  yoast: Partial<YoastSeo> = {},
  texts: { excerptText?: string; firstParagraph?: string } = {},
) =>
  articleSeo({
    item: { id: 42, title, link: LINK },
    yoast: { ...NO_YOAST, description: DESC, ...yoast },
    excerptText: texts.excerptText ?? '',
    firstParagraph: texts.firstParagraph ?? '',
  });
const codes = (result: ReturnType<typeof seo>) => result.findings.map((f) => f.code);
const LONG_TITLE = 'A title that is far too long to show whole in a search result page';

describe('titles', () => {
  it.each([
    [
      'trimmed, entities decoded',
      '  Tips &amp; tricks &#8220;now&#8221; ',
      {},
      'Tips & tricks “now”',
      undefined,
      [],
    ],
    ['empty: Untitled post <id>', '   ', {}, 'Untitled post 42', undefined, ['title-missing']],
    [
      'Yoast title that fits and differs: seoTitle',
      'Relapse',
      { title: 'Relapse signs | Center' },
      'Relapse',
      'Relapse signs | Center',
      [],
    ],
    ['Yoast title equal to the title: none', 'Relapse', { title: 'Relapse' }, 'Relapse', undefined, []],
    [
      'long title, Yoast title fits: seoTitle, no finding',
      LONG_TITLE,
      { title: 'Relapse signs' },
      LONG_TITLE,
      'Relapse signs',
      [],
    ],
    ['long title, no Yoast: kept whole, reported', LONG_TITLE, {}, LONG_TITLE, undefined, ['title-too-long']],
    [
      'long title, Yoast title too long as well',
      LONG_TITLE,
      { title: `${LONG_TITLE} too` },
      LONG_TITLE,
      undefined,
      ['yoast-title-too-long', 'title-too-long'],
    ],
    [
      'Yoast title too long, own title fits',
      'Relapse',
      { title: LONG_TITLE },
      'Relapse',
      undefined,
      ['yoast-title-too-long'],
    ],
  ])('%s', (_, title, yoast, expectedTitle, seoTitle, found) => {
    const result = seo(title, yoast);
    expect(result.title).toBe(expectedTitle);
    expect(result.seoTitle).toBe(seoTitle);
    if (seoTitle === undefined) expect('seoTitle' in result).toBe(false);
    expect(codes(result)).toEqual(found);
  });

  it('title-missing and title-too-long need review', () => {
    expect(seo('').findings).toEqual([{ code: 'title-missing', review: true }]);
    expect(seo(LONG_TITLE).findings).toEqual([{ code: 'title-too-long', review: true }]);
  });
});

describe('descriptions', () => {
  const sentence =
    'Relapse is common and it is not failure: it is a sign that the plan needs adjusting again.';
  const longText = `${sentence} ${sentence}`;
  it.each([
    ['Yoast description kept', { description: DESC }, {}, DESC, []],
    [
      'Yoast before excerpt',
      { description: DESC },
      { excerptText: 'Something else entirely, of some length.' },
      DESC,
      [],
    ],
    [
      'no Yoast: the excerpt',
      { description: null },
      { excerptText: sentence, firstParagraph: 'Nope.' },
      sentence,
      [['description-generated', 'excerpt']],
    ],
    [
      'no excerpt: the first paragraph',
      { description: null },
      { firstParagraph: sentence },
      sentence,
      [['description-generated', 'first-paragraph']],
    ],
    [
      'HTML in the excerpt stripped',
      { description: null },
      { excerptText: `<p>${sentence}</p>` },
      sentence,
      [['description-generated', 'excerpt']],
    ],
    [
      'short: kept, reported',
      { description: 'Too short.' },
      {},
      'Too short.',
      [['description-too-short', undefined]],
    ],
    [
      'short first paragraph: generated and too short',
      { description: null },
      { firstParagraph: 'Hi there.' },
      'Hi there.',
      [
        ['description-generated', 'first-paragraph'],
        ['description-too-short', undefined],
      ],
    ],
    ['nothing: empty, reported', { description: null }, {}, '', [['description-missing', undefined]]],
  ])('%s', (_, yoast, texts, description, found) => {
    const result = seo('Relapse', yoast, texts);
    expect(result.description).toBe(description);
    expect(result.findings.map((f) => [f.code, f.detail])).toEqual(found);
    for (const f of result.findings) expect(f.review).toBe(true);
  });

  it.each([
    ['from Yoast', { description: longText }, {}],
    ['from the first paragraph', { description: null }, { firstParagraph: longText }],
  ])('a long one (%s) is cut at a word, with "…", at most 160', (_, yoast, texts) => {
    const { description } = seo('Relapse', yoast, texts);
    expect(description.length).toBeLessThanOrEqual(SEO_LIMITS.descriptionMax);
    expect(description.length).toBeGreaterThan(SEO_LIMITS.descriptionMax - 20);
    expect(description.endsWith('…')).toBe(true);
    expect(longText.startsWith(description.slice(0, -1))).toBe(true);
    expect(longText[description.length - 1]).toBe(' ');
  });

  it('exactly 160 is not cut', () => {
    const text = 'x'.repeat(155) + ' yyyy';
    expect(seo('R', { description: text }).description).toBe(text);
  });
});

describe('indexing and canonical', () => {
  it.each([
    ['none', null, []],
    ['the post’s own address', LINK, []],
    ['own address over http, www, no slash', 'http://www.old.example/2020/05/signs-of-relapse', []],
    ['relative, to itself', '/2020/05/signs-of-relapse/', []],
    ['another page on the same site', 'https://old.example/other/', [['canonical-elsewhere', 'old.example']]],
    ['another site', 'https://syndicated.example/a', [['canonical-elsewhere', 'syndicated.example']]],
    ['not a URL', 'http://', [['canonical-elsewhere', 'invalid-url']]],
  ])('canonical: %s', (_, canonical, found) => {
    const result = seo('Relapse', { canonical });
    expect(result.findings.map((f) => [f.code, f.detail])).toEqual(found);
  });

  it.each([true, false])('noindex %s carried over', (noindex) => {
    expect(seo('Relapse', { noindex }).noindex).toBe(noindex);
  });

  it('unresolved Yoast variables are named, not for review', () => {
    expect(seo('Relapse', { unresolved: ['cf_a', 'ct_b'] }).findings).toEqual([
      { code: 'yoast-variable-dropped', review: false, detail: 'cf_a,ct_b' },
    ]);
  });

  it('works with yoastSeo’s own output', () => {
    const yoast = yoastSeo(
      { meta: { _yoast_wpseo_title: ['%%title%% %%sep%% %%sitename%%'], _yoast_wpseo_metadesc: [DESC] } },
      { title: 'Relapse', siteName: 'Center' },
    );
    expect(
      articleSeo({
        item: { id: 1, title: 'Relapse', link: LINK },
        yoast,
        excerptText: '',
        firstParagraph: '',
      }),
    ).toEqual({
      title: 'Relapse',
      seoTitle: 'Relapse - Center',
      description: DESC,
      noindex: false,
      findings: [],
    });
  });
});

describe('findCollisions', () => {
  const entry = (key: string, title: string, description: string, seoTitle?: string) =>
    seoTitle === undefined ? { key, title, description } : { key, title, description, seoTitle };
  it.each([
    { name: 'all different', list: [entry('1', 'A', 'a'), entry('2', 'B', 'b')], existing: [], out: {} },
    {
      name: 'same title, case and spacing aside: the later id',
      list: [entry('10', ' relapse  Signs', 'x'), entry('9', 'Relapse signs', 'y')],
      existing: [],
      out: { '10': [['duplicate-title', '9']] },
    },
    {
      name: 'ids compared as numbers, not strings',
      list: [entry('10', 'T', 'd'), entry('9', 'T', 'd')],
      existing: [],
      out: {
        '10': [
          ['duplicate-title', '9'],
          ['duplicate-description', '9'],
        ],
      },
    },
    {
      name: 'the search-result title is what counts',
      list: [entry('1', 'A', 'a', 'Shared'), entry('2', 'Shared', 'b'), entry('3', 'A', 'c', 'Other')],
      existing: [],
      out: { '2': [['duplicate-title', '1']] },
    },
    {
      name: 'an existing article comes first',
      list: [entry('1', 'About us', 'Who we are')],
      existing: [{ id: 'about', title: 'About us', description: 'who we ARE' }],
      out: {
        '1': [
          ['duplicate-title', 'about'],
          ['duplicate-description', 'about'],
        ],
      },
    },
    {
      name: 'an existing one without id',
      list: [entry('1', 'T', 'd')],
      existing: [{ title: 'T', description: 'other' }],
      out: { '1': [['duplicate-title', 'existing']] },
    },
    {
      name: 'empty descriptions do not collide',
      list: [entry('1', 'A', ''), entry('2', 'B', ' ')],
      existing: [],
      out: {},
    },
    {
      name: 'three alike all point at the first',
      list: [entry('3', 'A', 'x'), entry('1', 'A', 'y'), entry('2', 'A', 'z')],
      existing: [],
      out: { '2': [['duplicate-title', '1']], '3': [['duplicate-title', '1']] },
    },
  ])('$name', ({ list, existing, out }) => {
    const result = findCollisions(list, existing);
    const flat = Object.fromEntries(
      [...result].map(([key, found]) => [key, found.map((f) => [f.code, f.detail])]),
    );
    expect(flat).toEqual(out);
    for (const found of result.values()) for (const f of found) expect(f.review).toBe(true);
  });
});

describe.skipIf(!haveFixtures).each(FIXTURE_FILES)(
  'SEO of real export %s (skipped without ../shared)',
  (file) => {
    it('every imported post gets a title and a description within 160, with findings for the rest', () => {
      const posts = articlesOf(load(file));
      for (const item of posts) {
        const yoast = yoastSeo(item, { title: item.title, siteName: 'Center' });
        const result = articleSeo({
          item,
          yoast,
          excerptText: item.excerpt,
          firstParagraph: item.content.slice(0, 2000),
        });
        expect(result.title.length).toBeGreaterThan(0);
        expect(result.description.length).toBeLessThanOrEqual(SEO_LIMITS.descriptionMax);
        if (result.title.length > SEO_LIMITS.title && !result.seoTitle)
          expect(result.findings.map((f) => f.code)).toContain('title-too-long');
        if (result.description.length < SEO_LIMITS.descriptionMin)
          expect(
            result.findings.some(
              (f) => f.code === 'description-too-short' || f.code === 'description-missing',
            ),
          ).toBe(true);
        // Findings carry codes and short details, never post text.
        for (const f of result.findings) expect((f.detail ?? '').length).toBeLessThan(40);
      }
    });
  },
);
