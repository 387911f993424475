/**
 * `people` entries for the authors of imported posts (issue 13): display name only, kind
 * person, never a clinical reviewer, and never an email address. Pure and deterministic.
 */
import slugify from '@sindresorhus/slugify';
import { finding, type Finding } from '../findings.ts';
import type { WxrAuthor } from '../wxr.ts';
import { plainText } from './text.ts';

/** One people entry to write, in the shape of the `people` collection. */
export interface PersonPlan {
  id: string;
  name: string;
  kind: 'person';
  credentials: [];
  bio: string;
  /** An import never makes anyone a reviewer: only a person editing the entry can. */
  reviewsClinicalContent: false;
}

/** What `planPeople` decided. */
export interface PeoplePlan {
  /** The entries to write, sorted by id; entries the project already has are not among them. */
  people: PersonPlan[];
  /** Author login to the id of their people entry (planned or existing). */
  personOf: Map<string, string>;
  /** What a person should know, by people id. */
  findings: Map<string, Finding[]>;
}

/** The name used when the export's name for an author is an email address. */
export const HIDDEN_AUTHOR_NAME = 'Former author';

// Anything with an "@" between two non-spaces: WordPress lets a login or a display name be an
// email address, and a near miss ("jane@home") is as personal as the real thing.
const looksLikeEmail = (text: string) => /\S@\S/.test(text);

const toSlug = (text: string) => slugify(text, { decamelize: false });
const sameName = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/** A bio the schema requires, stating only what the export shows. */
export const generatedBio = (name: string) =>
  name === HIDDEN_AUTHOR_NAME
    ? 'This former author wrote articles for our previous website.'
    : `${name} wrote articles for our previous website.`;

/**
 * Plans people entries for the authors in `usedLogins` (those of imported posts). An author
 * the export does not list (old exports have no author list) is planned from the login.
 * `author-<n>` numbers follow the export's author list, then unlisted logins in sorted
 * order, so an author added to a newer export does not renumber the others. An existing
 * entry with the same name (case and spacing aside) is reused, not written again.
 */
export function planPeople(
  authors: readonly WxrAuthor[],
  usedLogins: ReadonlySet<string>,
  existing: ReadonlyMap<string, { name: string }>,
): PeoplePlan {
  const listed = new Set(authors.map((author) => author.login));
  const unlisted = [...usedLogins].filter((login) => !listed.has(login)).sort();
  const candidates: WxrAuthor[] = [...authors, ...unlisted.map((login) => ({ login, displayName: '' }))];

  const personOf = new Map<string, string>();
  const findings = new Map<string, Finding[]>();
  const note = (id: string, item: Finding) => findings.set(id, [...(findings.get(id) ?? []), item]);
  const planned = new Map<string, PersonPlan>();
  const ids = new Set(existing.keys());

  for (const [index, author] of candidates.entries()) {
    if (!usedLogins.has(author.login) || personOf.has(author.login)) continue;
    const number = `author-${index + 1}`;
    const display = plainText(author.displayName);
    const hidden = looksLikeEmail(display) || looksLikeEmail(author.login);
    const name = hidden ? HIDDEN_AUTHOR_NAME : display || author.login.trim() || HIDDEN_AUTHOR_NAME;

    if (!hidden) {
      const match = [...existing].find(([, entry]) => sameName(entry.name, name));
      if (match) {
        personOf.set(author.login, match[0]);
        note(match[0], finding('person-exists', false));
        continue;
      }
    }
    const base = hidden ? number : toSlug(display) || toSlug(author.login) || number;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    personOf.set(author.login, id);
    planned.set(id, {
      id,
      name,
      kind: 'person',
      credentials: [],
      bio: generatedBio(name),
      reviewsClinicalContent: false,
    });
    if (hidden) note(id, finding('author-name-hidden', true));
    if (id !== base) note(id, finding('slug-changed', false, id));
    note(id, finding('bio-generated', true));
  }

  const people = [...planned.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { people, personOf, findings };
}
