import type { EducationalOccupationalCredential, Organization, Person } from 'schema-dts';
import { ref, siteIds } from './ids.ts';
import type { PersonInput } from './types.ts';

/** Degrees (the rest of the usual clinical credentials are licences). */
const degrees = new Set(['MD', 'DO', 'PSYD', 'PHD', 'DNP', 'EDD', 'MSW', 'MA', 'MS', 'MSN', 'BSN']);

export function credentialNode(name: string): EducationalOccupationalCredential {
  const category = degrees.has(name.replace(/\./g, '').toUpperCase()) ? 'degree' : 'license';
  return { '@type': 'EducationalOccupationalCredential', name, credentialCategory: category };
}

/**
 * An author or reviewer. A named person is a `Person`; an entry that stands for a role
 * ("Clinical review team") is an `Organization` within the center, so no person is invented.
 */
export function personNode(origin: string, person: PersonInput): Person | Organization {
  const ids = siteIds(origin);
  const common = {
    '@id': ids.person(person.id),
    name: person.name,
    description: person.bio,
    ...(person.credentials.length > 0 && { hasCredential: person.credentials.map(credentialNode) }),
  };
  if (person.kind === 'role') {
    return { '@type': 'Organization', ...common, parentOrganization: ref(ids.organization) };
  }
  return {
    '@type': 'Person',
    ...common,
    ...(person.jobTitle && { jobTitle: person.jobTitle }),
    ...(person.credentials.length > 0 && { honorificSuffix: person.credentials.join(', ') }),
    worksFor: ref(ids.organization),
  };
}
