import type { EducationalOccupationalCredential, Organization, Person } from 'schema-dts';
import { slugFromId } from '../slugs.ts';
import { personUrl } from '../urls.ts';
import { absolute, ref, siteIds } from './ids.ts';
import type { PageJsonLd } from './page.ts';
import type { PersonInput, SiteInput } from './types.ts';

/** Degrees (the rest of the usual clinical credentials are licences). */
const degrees = new Set(['MD', 'DO', 'PSYD', 'PHD', 'DNP', 'EDD', 'MSW', 'MA', 'MS', 'MSN', 'BSN']);

export function credentialNode(name: string): EducationalOccupationalCredential {
  const category = degrees.has(name.replace(/\./g, '').toUpperCase()) ? 'degree' : 'license';
  return { '@type': 'EducationalOccupationalCredential', name, credentialCategory: category };
}

/** A state licence: what it is for, the issuing state, and its number as `identifier`. */
export function licenseNode(license: NonNullable<PersonInput['license']>): EducationalOccupationalCredential {
  return {
    '@type': 'EducationalOccupationalCredential',
    name: `${license.name} licence (${license.state})`,
    credentialCategory: 'license',
    identifier: license.number,
  };
}

/** Root-relative URL of a person's profile; roles have none. */
export function profileUrlOf(person: Pick<PersonInput, 'id' | 'kind'>): string | undefined {
  return person.kind === 'person' ? personUrl(slugFromId(person.id)) : undefined;
}

/**
 * An author or reviewer. A named person is a `Person` with the URL of their profile; an
 * entry that stands for a role ("Clinical review team") is an `Organization` within the
 * center, so no person is invented. The `@id` is the same on every page that names them.
 */
export function personNode(origin: string, person: PersonInput): Person | Organization {
  const ids = siteIds(origin);
  const credentials = [
    ...person.credentials.map(credentialNode),
    ...(person.kind === 'person' && person.license ? [licenseNode(person.license)] : []),
  ];
  const common = {
    '@id': ids.person(person.id),
    name: person.name,
    description: person.bio,
    ...(credentials.length > 0 && { hasCredential: credentials }),
  };
  if (person.kind === 'role') {
    return { '@type': 'Organization', ...common, parentOrganization: ref(ids.organization) };
  }
  return {
    '@type': 'Person',
    ...common,
    url: absolute(origin, profileUrlOf(person)!),
    ...(person.jobTitle && { jobTitle: person.jobTitle }),
    ...(person.credentials.length > 0 && { honorificSuffix: person.credentials.join(', ') }),
    worksFor: ref(ids.organization),
  };
}

/**
 * A clinician's profile is a `ProfilePage` whose main entity is their `Person` node, the
 * same `@id` that articles name as author or `reviewedBy`.
 */
export function profileJsonLd(site: SiteInput, person: PersonInput): PageJsonLd {
  const id = siteIds(site.url).person(person.id);
  return {
    type: 'ProfilePage',
    webPage: { mainEntity: ref(id), about: ref(id) },
    nodes: [personNode(site.url, person)],
  };
}
