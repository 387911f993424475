/**
 * People entries for authors: names, ids, reuse of existing entries, and no email ever.
 */
import { describe, expect, it } from 'vitest';
import { HIDDEN_AUTHOR_NAME, planPeople } from '../../../../src/import/wordpress/plan/people.ts';
import { SLUG } from '../../../../src/import/wordpress/plan/slugs.ts';
import { FIXTURE_FILES, articlesOf, haveFixtures, load } from './fixtures.ts';

const author = (login: string, displayName: string) => ({ login, displayName });
const plan = (
  authors: { login: string; displayName: string }[],
  used: string[],
  existing: [string, string][] = [],
) => planPeople(authors, new Set(used), new Map(existing.map(([id, name]) => [id, { name }])));

describe('planPeople', () => {
  it.each([
    {
      name: 'display name becomes name and id',
      authors: [author('jdoe', 'Jane Doe')],
      used: ['jdoe'],
      people: [['jane-doe', 'Jane Doe']],
      personOf: { jdoe: 'jane-doe' },
    },
    {
      name: 'an unused author is not planned',
      authors: [author('a', 'Ann'), author('b', 'Bob')],
      used: ['b'],
      people: [['bob', 'Bob']],
      personOf: { b: 'bob' },
    },
    {
      name: 'entities decoded, transliterated id',
      authors: [author('z', 'Zoë &amp; Co')],
      used: ['z'],
      people: [['zoe-and-co', 'Zoë & Co']],
      personOf: { z: 'zoe-and-co' },
    },
    {
      name: 'no display name: the login',
      authors: [author('writer1', '')],
      used: ['writer1'],
      people: [['writer1', 'writer1']],
      personOf: { writer1: 'writer1' },
    },
    {
      name: 'a display name that slugifies to nothing: the login for the id',
      authors: [author('kenji', '東京')],
      used: ['kenji'],
      people: [['kenji', '東京']],
      personOf: { kenji: 'kenji' },
    },
    {
      name: 'a login the export does not list (WXR 1.0)',
      authors: [],
      used: ['oldtimer'],
      people: [['oldtimer', 'oldtimer']],
      personOf: { oldtimer: 'oldtimer' },
    },
    {
      name: 'an email as display name is hidden, numbered by the author list',
      authors: [author('a', 'Ann'), author('b', 'bob@example.com')],
      used: ['b'],
      people: [['author-2', HIDDEN_AUTHOR_NAME]],
      personOf: { b: 'author-2' },
    },
    {
      name: 'an email as login is hidden even with a fine display name',
      authors: [author('carol@example.org', 'Carol King')],
      used: ['carol@example.org'],
      people: [['author-1', HIDDEN_AUTHOR_NAME]],
      personOf: { 'carol@example.org': 'author-1' },
    },
    {
      name: 'two authors with one name: -2 for the later one in the list',
      authors: [author('a', 'Sam Lee'), author('b', 'Sam Lee')],
      used: ['a', 'b'],
      people: [
        ['sam-lee', 'Sam Lee'],
        ['sam-lee-2', 'Sam Lee'],
      ],
      personOf: { a: 'sam-lee', b: 'sam-lee-2' },
    },
  ])('$name', ({ authors, used, people, personOf }) => {
    const result = plan(authors, used);
    expect(result.people.map((p) => [p.id, p.name])).toEqual(people);
    expect(Object.fromEntries(result.personOf)).toEqual(personOf);
    for (const person of result.people) {
      expect(person).toMatchObject({ kind: 'person', credentials: [], reviewsClinicalContent: false });
      expect(person.bio.length).toBeGreaterThan(0);
      expect(person.id).toMatch(SLUG);
      expect(JSON.stringify(person)).not.toContain('@');
    }
  });

  it.each([
    ['same name', 'Editorial team', 'editorial-team', []],
    ['same name, other case and spacing', '  editorial   TEAM ', 'editorial-team', []],
  ])('an existing entry with the %s is reused, not written', (_, displayName, id) => {
    const result = plan([author('ed', displayName)], ['ed'], [['editorial-team', 'Editorial team']]);
    expect(result.people).toEqual([]);
    expect(result.personOf.get('ed')).toBe(id);
    expect(result.findings.get(id)).toEqual([{ code: 'person-exists', review: false }]);
  });

  it('an existing id with another name is not taken over', () => {
    const result = plan([author('x', 'Editorial Team!')], ['x'], [['editorial-team', 'Someone else']]);
    expect(result.people.map((p) => p.id)).toEqual(['editorial-team-2']);
  });

  it('findings: generated bio always; hidden name when an email was seen', () => {
    const result = plan([author('a', 'Ann'), author('b', 'b@x.io')], ['a', 'b']);
    expect(result.findings.get('ann')).toEqual([{ code: 'bio-generated', review: true }]);
    expect(result.findings.get('author-2')).toEqual([
      { code: 'author-name-hidden', review: true },
      { code: 'bio-generated', review: true },
    ]);
    expect(result.people.find((p) => p.id === 'ann')?.bio).toBe(
      'Ann wrote articles for our previous website.',
    );
  });
});

describe.skipIf(!haveFixtures).each(FIXTURE_FILES)(
  'people of real export %s (skipped without ../shared)',
  (file) => {
    it('every author of an imported post gets an entry, and none holds an email', () => {
      const wxr = load(file);
      const used = new Set(articlesOf(wxr).map((item) => item.creator));
      const result = planPeople(wxr.authors, used, new Map());
      for (const login of used) expect(result.personOf.has(login)).toBe(true);
      expect(new Set(result.people.map((p) => p.id)).size).toBe(result.people.length);
      // personOf is keyed by login and stays in memory; what is written is the entries and findings.
      const written = JSON.stringify([result.people, [...result.findings]]);
      expect(written).not.toMatch(/\S@\S/);
      for (const person of result.people) expect(person.id).toMatch(SLUG);
    });
  },
);
