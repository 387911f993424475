/**
 * Topics from categories: which are planned, their ids, labels, descriptions and parents.
 */
import { describe, expect, it } from 'vitest';
import {
  TOPIC_LIMITS,
  generatedTopicDescription,
  planTopics,
} from '../../../../src/import/wordpress/plan/topics.ts';
import { SLUG } from '../../../../src/import/wordpress/plan/slugs.ts';
import type { WxrTerm } from '../../../../src/import/wordpress/wxr.ts';
import { FIXTURE_FILES, articlesOf, haveFixtures, load } from './fixtures.ts';

const GOOD = 'Plain-language articles on relapse, what raises its risk and what helps people stay well.';
const term = (slug: string, name: string, description = GOOD, parent = ''): WxrTerm => ({
  slug,
  name,
  description,
  parent,
});
const plan = (terms: WxrTerm[], used: string[], existing: [string, string][] = []) =>
  planTopics(terms, new Map(existing.map(([id, label]) => [id, { label }])), new Set(used));
const codes = (result: ReturnType<typeof plan>, id: string) =>
  (result.findings.get(id) ?? []).map((f) => f.code);

describe('which categories become topics', () => {
  it.each([
    ['only used categories', [term('a', 'A'), term('b', 'B')], ['a'], ['a']],
    ['a used child brings its parent', [term('p', 'P'), term('c', 'C', GOOD, 'p')], ['c'], ['c', 'p']],
    [
      'and its grandparent',
      [term('g', 'G'), term('p', 'P', GOOD, 'g'), term('c', 'C', GOOD, 'p')],
      ['c'],
      ['c', 'g', 'p'],
    ],
    [
      'uncategorized dropped by slug',
      [term('uncategorized', 'Misc'), term('a', 'A')],
      ['uncategorized', 'a'],
      ['a'],
    ],
    ['Uncategorized dropped by name, any case', [term('misc', 'UNCATEGORIZED')], ['misc'], []],
    [
      'a parent that is uncategorized is not planned',
      [term('uncategorized', 'U'), term('c', 'C', GOOD, 'uncategorized')],
      ['c'],
      ['c'],
    ],
    [
      'a parent cycle does not hang',
      [term('x', 'X', GOOD, 'y'), term('y', 'Y', GOOD, 'x')],
      ['x'],
      ['x', 'y'],
    ],
    ['an encoded slug matches its decoded use', [term('caf%c3%a9', 'Café')], ['café'], ['cafe']],
    ['nothing used, nothing planned', [term('a', 'A')], [], []],
  ])('%s', (_, terms, used, ids) => {
    expect(plan(terms, used).topics.map((t) => t.id)).toEqual(ids);
  });

  it('sorted by id, with parents mapped to topic ids', () => {
    const result = plan([term('z%c3%a9', 'Zé'), term('b', 'B', GOOD, 'z%c3%a9')], ['b']);
    expect(result.topics.map((t) => [t.id, t.parent])).toEqual([
      ['b', 'ze'],
      ['ze', undefined],
    ]);
    expect(Object.fromEntries(result.topicOf)).toEqual({ b: 'b', 'z%c3%a9': 'ze' });
  });

  it('a category that is already a topic maps onto it and is not planned', () => {
    const result = plan(
      [term('mental-health', 'Mental Health'), term('c', 'C', GOOD, 'mental-health')],
      ['c'],
      [['mental-health', 'Mental health']],
    );
    expect(result.topics.map((t) => t.id)).toEqual(['c']);
    expect(result.topics[0]?.parent).toBe('mental-health');
    expect(result.topicOf.get('mental-health')).toBe('mental-health');
    expect(result.findings.get('mental-health')).toEqual([{ code: 'topic-exists', review: false }]);
  });

  it('two categories that slugify alike get -2, deterministically', () => {
    const result = plan([term('cafe', 'Cafe'), term('caf%c3%a9', 'Café')], ['cafe', 'caf%c3%a9']);
    expect(Object.fromEntries(result.topicOf)).toEqual({ 'caf%c3%a9': 'cafe', cafe: 'cafe-2' });
    expect(result.findings.get('cafe-2')).toEqual([
      { code: 'slug-changed', review: false, detail: 'cafe-2' },
    ]);
  });
});

describe('labels', () => {
  it.each([
    ['kept', 'Recovery', 'Recovery', []],
    ['entities decoded, markup stripped', 'Tips &amp; <b>tricks</b>', 'Tips & tricks', []],
    [
      'longer than 40: cut at a word',
      'A very long category name that goes on and on',
      'A very long category name that goes on',
      ['label-shortened'],
    ],
  ])('%s', (_, name, label, found) => {
    const result = plan([term('t', name)], ['t']);
    expect(result.topics[0]?.label).toBe(label);
    expect(codes(result, 't')).toEqual(found);
  });
});

describe('descriptions', () => {
  const long = `${'Recovery takes time and support from many people. '.repeat(4)}`.trim();
  it.each([
    ['70..160 kept', GOOD, GOOD, []],
    ['HTML stripped, whitespace collapsed', `<p>${GOOD.replace(/ /g, '\n  ')}</p>`, GOOD, []],
    ['too long: cut at a word, with an ellipsis', long, null, ['description-shortened']],
    ['too short: generated', 'Short.', generatedTopicDescription('Recovery'), ['description-generated']],
    ['missing: generated', '', generatedTopicDescription('Recovery'), ['description-generated']],
  ])('%s', (_, description, expected, found) => {
    const result = plan([term('t', 'Recovery', description)], ['t']);
    const topic = result.topics[0];
    if (expected !== null) expect(topic?.description).toBe(expected);
    else {
      expect(topic?.description.endsWith('…')).toBe(true);
      expect(long.startsWith(topic?.description.slice(0, -1) ?? 'x')).toBe(true);
    }
    expect(topic?.description.length).toBeGreaterThanOrEqual(TOPIC_LIMITS.descriptionMin);
    expect(topic?.description.length).toBeLessThanOrEqual(TOPIC_LIMITS.descriptionMax);
    expect(codes(result, 't')).toEqual(found);
    for (const f of result.findings.get('t') ?? []) expect(f.review).toBe(true);
  });

  it.each([['X'], ['A label of exactly forty characters, yes']])(
    'a generated description fits the limits for label %j',
    (label) => {
      const text = generatedTopicDescription(label);
      expect(text.length).toBeGreaterThanOrEqual(TOPIC_LIMITS.descriptionMin);
      expect(text.length).toBeLessThanOrEqual(TOPIC_LIMITS.descriptionMax);
    },
  );
});

describe.skipIf(!haveFixtures).each(FIXTURE_FILES)(
  'topics of real export %s (skipped without ../shared)',
  (file) => {
    it('every category used by an imported post is planned within the schema’s limits', () => {
      const wxr = load(file);
      const used = new Set(
        articlesOf(wxr).flatMap((item) =>
          item.terms.filter((t) => t.domain === 'category').map((t) => t.slug),
        ),
      );
      const result = planTopics(wxr.categories, new Map(), used);
      expect(result.topics.length).toBeGreaterThan(0);
      for (const topic of result.topics) {
        expect(topic.id).toMatch(SLUG);
        expect(topic.label.length).toBeGreaterThan(0);
        expect(topic.label.length).toBeLessThanOrEqual(TOPIC_LIMITS.label);
        expect(topic.description.length).toBeGreaterThanOrEqual(TOPIC_LIMITS.descriptionMin);
        expect(topic.description.length).toBeLessThanOrEqual(TOPIC_LIMITS.descriptionMax);
        if (topic.parent) expect(result.topics.some((t) => t.id === topic.parent)).toBe(true);
      }
      expect(result.topics.map((t) => t.id)).not.toContain('uncategorized');
      expect(new Set(result.topics.map((t) => t.id)).size).toBe(result.topics.length);
      for (const slug of used) if (slug !== 'uncategorized') expect(result.topicOf.has(slug)).toBe(true);
    });

    it('every category, used or not, plans validly (tags as topics too)', () => {
      const wxr = load(file);
      const terms = [...wxr.categories, ...wxr.tags];
      const result = planTopics(terms, new Map(), new Set(terms.map((t) => t.slug)));
      for (const topic of result.topics) {
        expect(topic.id).toMatch(SLUG);
        expect(topic.label.length).toBeLessThanOrEqual(TOPIC_LIMITS.label);
        expect(topic.description.length).toBeGreaterThanOrEqual(TOPIC_LIMITS.descriptionMin);
        expect(topic.description.length).toBeLessThanOrEqual(TOPIC_LIMITS.descriptionMax);
      }
    });
  },
);
