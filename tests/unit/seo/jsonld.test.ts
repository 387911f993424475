import { describe, expect, it } from 'vitest';
import { articleJsonLd } from '../../../src/lib/jsonld/article.ts';
import { openingHoursSpecification } from '../../../src/lib/jsonld/opening-hours.ts';
import { organizationNodes, websiteNode } from '../../../src/lib/jsonld/organization.ts';
import { breadcrumbNode, pageGraph, serializeJsonLd } from '../../../src/lib/jsonld/page.ts';
import {
  credentialNode,
  licenseNode,
  personNode,
  profileJsonLd,
  profileUrlOf,
} from '../../../src/lib/jsonld/people.ts';
import { howPerformed, programJsonLd } from '../../../src/lib/jsonld/program.ts';
import { medicalSpecialty } from '../../../src/lib/jsonld/specialties.ts';
import type {
  ArticleInput,
  LocationInput,
  PersonInput,
  ProgramInput,
  SiteInput,
} from '../../../src/lib/jsonld/types.ts';
import { graphProblems, references } from '../../../src/lib/jsonld/validate.ts';

const site: SiteInput = {
  name: 'Test Center',
  tagline: 'Care for addiction and mental health.',
  url: 'https://center.test',
  lang: 'en-US',
  admissions: {
    phone: { display: '(202) 555-0199', e164: '+12025550199' },
    email: 'admissions@center.test',
    hours: 'Monday to Friday, 8 am to 8 pm',
    openingHours: ['Mo-Fr 08:00-20:00'],
  },
  medicalSpecialties: ['Addiction medicine', 'Psychiatry'],
  acceptingNewPatients: true,
};
const mainCampus: LocationInput = {
  slug: 'main-campus',
  url: '/locations/main-campus/',
  name: 'Main campus',
  streetAddress: '1 Main Street',
  addressLocality: 'Springfield',
  addressRegion: 'CA',
  postalCode: '90210',
  geo: { latitude: 34.05, longitude: -118.25 },
  phone: { e164: '+12025550177' },
  hours: {
    monday: { opens: '08:00', closes: '20:00' },
    tuesday: { opens: '08:00', closes: '20:00' },
    saturday: { opens: '09:00', closes: '13:00' },
  },
};
const writer: PersonInput = {
  id: 'editors',
  name: 'Editors',
  kind: 'role',
  credentials: [],
  bio: 'They write.',
};
const reviewer: PersonInput = {
  id: 'dr-a',
  name: 'A. Clinician',
  kind: 'person',
  credentials: ['MD', 'LCSW'],
  jobTitle: 'Psychiatrist',
  bio: 'Reviews.',
};
const article: ArticleInput = {
  url: '/articles/a/',
  title: 'An article',
  description: 'What it says.',
  publishedAt: new Date('2026-01-10'),
  updatedAt: new Date('2026-03-01'),
  reviewedAt: new Date('2026-02-20'),
  author: writer,
  reviewer,
  topics: [{ label: 'Treatment options', url: '/topics/treatment-options/' }],
  programs: [{ title: 'Outpatient', url: '/programs/outpatient/' }],
  minutes: 7,
};
const program: ProgramInput = {
  url: '/programs/iop/',
  title: 'Intensive Outpatient Program (IOP)',
  shortName: 'IOP',
  description: 'Several days a week.',
  levelOfCare: 'intensive-outpatient',
  hoursPerWeek: { min: 9, max: 20 },
  daysPerWeek: { min: 3, max: 5 },
  hoursPerSession: { min: 3, max: 4 },
  services: ['Individual therapy', 'Group therapy'],
  therapies: ['CBT', 'DBT'],
  suitedFor: ['People stepping down from residential care'],
  notSuitedFor: ['People who need 24-hour supervision'],
};
const byId = (graph: { '@graph': readonly unknown[] }, id: string) =>
  graph['@graph'].find((n) => (n as { '@id'?: string })['@id'] === id) as Record<string, unknown> | undefined;

describe('openingHoursSpecification', () => {
  it.each([
    ['Mo-Fr 08:00-20:00', ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], '08:00', '20:00'],
    ['Sa,Su 10:00-14:00', ['Saturday', 'Sunday'], '10:00', '14:00'],
    ['Mo,We-Th 09:30-17:00', ['Monday', 'Wednesday', 'Thursday'], '09:30', '17:00'],
    ['Su 00:00-23:59', ['Sunday'], '00:00', '23:59'],
  ])('%s', (text, days, opens, closes) => {
    expect(openingHoursSpecification(text)).toEqual({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: days.map((d) => `https://schema.org/${d}`),
      opens,
      closes,
    });
  });

  it.each(['Monday 8-5', 'Mo-Xx 08:00-20:00', 'Fr-Mo 08:00-20:00', ''])('refuses %j', (text) => {
    expect(() => openingHoursSpecification(text)).toThrow(/opening hours/);
  });
});

describe('medicalSpecialty', () => {
  it.each([
    ['Psychiatry', 'https://schema.org/Psychiatric'],
    ['primary care', 'https://schema.org/PrimaryCare'],
    ['Addiction medicine', { '@type': 'MedicalSpecialty', name: 'Addiction medicine' }],
  ])('%s', (name, expected) => expect(medicalSpecialty(name)).toEqual(expected));
});

describe('organization and website', () => {
  const [org, ...clinics] = organizationNodes(site, {
    logo: { url: 'https://center.test/logo.png', width: 512, height: 512 },
    locations: [mainCampus],
  });

  it('describes the center as a MedicalOrganization with the facts people call about', () => {
    expect(org).toMatchObject({
      '@type': 'MedicalOrganization',
      '@id': 'https://center.test/#organization',
      name: 'Test Center',
      url: 'https://center.test/',
      telephone: '+12025550199',
      isAcceptingNewPatients: true,
      medicalSpecialty: [
        { '@type': 'MedicalSpecialty', name: 'Addiction medicine' },
        'https://schema.org/Psychiatric',
      ],
      address: { '@type': 'PostalAddress', streetAddress: '1 Main Street', postalCode: '90210' },
      logo: { '@id': 'https://center.test/#logo' },
      contactPoint: { contactType: 'admissions', hoursAvailable: [{ opens: '08:00', closes: '20:00' }] },
      subOrganization: [{ '@id': 'https://center.test/#location-main-campus' }],
    });
  });

  it('gives each location a MedicalClinic with its page, phone, place and hours, pointing back at the organization', () => {
    expect(clinics).toHaveLength(1);
    expect(clinics[0]).toEqual({
      '@type': 'MedicalClinic',
      '@id': 'https://center.test/#location-main-campus',
      name: 'Test Center, Main campus',
      url: 'https://center.test/locations/main-campus/',
      telephone: '+12025550177',
      address: {
        '@type': 'PostalAddress',
        streetAddress: '1 Main Street',
        addressLocality: 'Springfield',
        addressRegion: 'CA',
        postalCode: '90210',
        addressCountry: 'US',
      },
      geo: { '@type': 'GeoCoordinates', latitude: 34.05, longitude: -118.25 },
      hasMap: 'https://www.google.com/maps/dir/?api=1&destination=1+Main+Street%2C+Springfield%2C+CA+90210',
      // Days with the same hours share one specification; closed days are left out.
      openingHoursSpecification: [
        {
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: ['https://schema.org/Monday', 'https://schema.org/Tuesday'],
          opens: '08:00',
          closes: '20:00',
        },
        {
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: ['https://schema.org/Saturday'],
          opens: '09:00',
          closes: '13:00',
        },
      ],
      medicalSpecialty: [
        { '@type': 'MedicalSpecialty', name: 'Addiction medicine' },
        'https://schema.org/Psychiatric',
      ],
      isAcceptingNewPatients: true,
      parentOrganization: { '@id': 'https://center.test/#organization' },
    });
  });

  it('has no address and no clinics when no location is given', () => {
    const [alone, ...none] = organizationNodes(site);
    expect(alone).not.toHaveProperty('address');
    expect(alone).not.toHaveProperty('subOrganization');
    expect(none).toEqual([]);
  });

  it('lists every address when there are several locations', () => {
    const north = { ...mainCampus, slug: 'north-clinic', streetAddress: '9 North Road' };
    const [org2, ...clinics2] = organizationNodes(site, { locations: [mainCampus, north] });
    expect(org2).toMatchObject({
      address: [{ streetAddress: '1 Main Street' }, { streetAddress: '9 North Road' }],
    });
    expect(clinics2.map((c) => (c as { '@id': string })['@id'])).toEqual([
      'https://center.test/#location-main-campus',
      'https://center.test/#location-north-clinic',
    ]);
  });

  it('names the website and its publisher', () => {
    expect(websiteNode(site)).toEqual({
      '@type': 'WebSite',
      '@id': 'https://center.test/#website',
      url: 'https://center.test/',
      name: 'Test Center',
      description: site.tagline,
      inLanguage: 'en-US',
      publisher: { '@id': 'https://center.test/#organization' },
    });
  });
});

describe('people', () => {
  it.each([
    ['MD', 'degree'],
    ['Psy.D.', 'degree'],
    ['LCSW', 'license'],
  ])('credential %s is a %s', (name, category) => {
    expect(credentialNode(name)).toEqual({
      '@type': 'EducationalOccupationalCredential',
      name,
      credentialCategory: category,
    });
  });

  it('a named person is a Person with credentials, working for the center', () => {
    expect(personNode(site.url, reviewer)).toMatchObject({
      '@type': 'Person',
      '@id': 'https://center.test/#people-dr-a',
      honorificSuffix: 'MD, LCSW',
      jobTitle: 'Psychiatrist',
      worksFor: { '@id': 'https://center.test/#organization' },
      hasCredential: [{ name: 'MD' }, { name: 'LCSW' }],
    });
  });

  it('a role is an Organization inside the center, so no person is invented', () => {
    const node = personNode(site.url, { ...writer, credentials: ['MD', 'PsyD'] });
    expect(node).toMatchObject({
      '@type': 'Organization',
      '@id': 'https://center.test/#people-editors',
      parentOrganization: { '@id': 'https://center.test/#organization' },
      hasCredential: [{ name: 'MD' }, { name: 'PsyD' }],
    });
    expect(node).not.toHaveProperty('jobTitle');
    expect(node).not.toHaveProperty('url');
  });

  it('only a person has a profile URL, which their Person node carries', () => {
    expect(profileUrlOf(reviewer)).toBe('/team/dr-a/');
    expect(profileUrlOf(writer)).toBeUndefined();
    expect(personNode(site.url, reviewer)).toMatchObject({ url: 'https://center.test/team/dr-a/' });
  });

  it("a person's state licence is a credential with its number as identifier", () => {
    const license = { name: 'Physician and Surgeon', number: 'A 12345', state: 'CA' };
    expect(licenseNode(license)).toEqual({
      '@type': 'EducationalOccupationalCredential',
      name: 'Physician and Surgeon licence (CA)',
      credentialCategory: 'license',
      identifier: 'A 12345',
    });
    expect(personNode(site.url, { ...reviewer, license })).toMatchObject({
      hasCredential: [{ name: 'MD' }, { name: 'LCSW' }, { identifier: 'A 12345' }],
    });
  });

  it("a profile page is a ProfilePage about the same Person @id that an article's reviewedBy names", () => {
    const url = 'https://center.test/team/dr-a/';
    const profile = pageGraph(
      site,
      { url, title: 'A. Clinician, MD', description: 'd' },
      profileJsonLd(site, reviewer),
    );
    expect(graphProblems(profile)).toEqual([]);
    const page = byId(profile, `${url}#webpage`);
    expect(page).toMatchObject({
      '@type': 'ProfilePage',
      mainEntity: { '@id': 'https://center.test/#people-dr-a' },
    });
    const person = byId(profile, 'https://center.test/#people-dr-a');
    expect(person).toMatchObject({ '@type': 'Person', jobTitle: 'Psychiatrist', url });

    const articleUrl = 'https://center.test/articles/a/';
    const articleGraph = pageGraph(
      site,
      { url: articleUrl, title: 'An article', description: 'd' },
      articleJsonLd(site, article),
    );
    const reviewedBy = byId(articleGraph, `${articleUrl}#webpage`)?.['reviewedBy'];
    expect(reviewedBy).toEqual({ '@id': person?.['@id'] });
    expect(byId(articleGraph, 'https://center.test/#people-dr-a')).toEqual(person);
  });
});

describe('breadcrumbs', () => {
  it('has no list for the home page', () => {
    expect(
      breadcrumbNode('https://center.test/', [{ name: 'Home', url: 'https://center.test/' }]),
    ).toBeUndefined();
  });

  it('numbers the trail from 1 with absolute URLs', () => {
    expect(
      breadcrumbNode('https://center.test/programs/', [
        { name: 'Home', url: 'https://center.test/' },
        { name: 'Programs', url: 'https://center.test/programs/' },
      ]),
    ).toEqual({
      '@type': 'BreadcrumbList',
      '@id': 'https://center.test/programs/#breadcrumb',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://center.test/' },
        { '@type': 'ListItem', position: 2, name: 'Programs', item: 'https://center.test/programs/' },
      ],
    });
  });
});

describe('article pages', () => {
  const page = {
    url: 'https://center.test/articles/a/',
    title: article.title,
    description: article.description,
    breadcrumbs: [
      { name: 'Home', url: 'https://center.test/' },
      { name: 'Articles', url: 'https://center.test/articles/' },
      { name: article.title, url: 'https://center.test/articles/a/' },
    ],
    image: { url: 'https://center.test/_astro/og.png', width: 1200, height: 630, alt: 'Alt' },
  };
  const graph = pageGraph(site, page, articleJsonLd(site, article));

  it('is a MedicalWebPage with reviewer, review date, subject and audience', () => {
    expect(byId(graph, 'https://center.test/articles/a/#webpage')).toMatchObject({
      '@type': 'MedicalWebPage',
      url: 'https://center.test/articles/a/',
      reviewedBy: { '@id': 'https://center.test/#people-dr-a' },
      lastReviewed: '2026-02-20',
      datePublished: '2026-01-10',
      dateModified: '2026-03-01',
      about: [
        { '@type': 'Thing', name: 'Treatment options', url: 'https://center.test/topics/treatment-options/' },
      ],
      audience: { '@type': 'MedicalAudience', audienceType: 'Patient' },
      specialty: ['https://schema.org/Psychiatric'],
      breadcrumb: { '@id': 'https://center.test/articles/a/#breadcrumb' },
      primaryImageOfPage: { '@id': 'https://center.test/articles/a/#primaryimage' },
      mainEntity: { '@id': 'https://center.test/articles/a/#article' },
      isPartOf: { '@id': 'https://center.test/#website' },
    });
  });

  it('has an Article with headline, dates, author, publisher and image', () => {
    expect(byId(graph, 'https://center.test/articles/a/#article')).toMatchObject({
      '@type': 'Article',
      headline: 'An article',
      datePublished: '2026-01-10',
      dateModified: '2026-03-01',
      author: { '@id': 'https://center.test/#people-editors' },
      publisher: { '@id': 'https://center.test/#organization' },
      image: { '@id': 'https://center.test/articles/a/#primaryimage' },
      mainEntityOfPage: { '@id': 'https://center.test/articles/a/#webpage' },
      timeRequired: 'PT7M',
      mentions: [
        { '@type': 'MedicalTherapy', name: 'Outpatient', url: 'https://center.test/programs/outpatient/' },
      ],
    });
  });

  it('uses the publication date as dateModified when the article was never updated', () => {
    const fresh = pageGraph(site, page, articleJsonLd(site, { ...article, updatedAt: undefined }));
    expect(byId(fresh, 'https://center.test/articles/a/#article')?.['dateModified']).toBe('2026-01-10');
  });

  it('is a graph whose references all resolve', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('lists a person once when they both wrote and reviewed the article', () => {
    const same = pageGraph(site, page, articleJsonLd(site, { ...article, author: reviewer }));
    expect(
      same['@graph'].filter((n) => (n as { '@id'?: string })['@id']?.endsWith('#people-dr-a')),
    ).toHaveLength(1);
    expect(graphProblems(same)).toEqual([]);
  });
});

describe('program pages', () => {
  const graph = pageGraph(
    site,
    { url: 'https://center.test/programs/iop/', title: program.title, description: program.description },
    programJsonLd(site, program),
  );

  it('is a MedicalWebPage about a MedicalTherapy with the program facts', () => {
    expect(byId(graph, 'https://center.test/programs/iop/#webpage')).toMatchObject({
      '@type': 'MedicalWebPage',
      about: { '@id': 'https://center.test/programs/iop/#therapy' },
      audience: [{ '@type': 'MedicalAudience', audienceType: 'People stepping down from residential care' }],
      mentions: [
        { '@type': 'MedicalTherapy', name: 'CBT' },
        { '@type': 'MedicalTherapy', name: 'DBT' },
      ],
    });
    expect(byId(graph, 'https://center.test/programs/iop/#therapy')).toEqual({
      '@type': 'MedicalTherapy',
      '@id': 'https://center.test/programs/iop/#therapy',
      name: 'Intensive Outpatient Program (IOP)',
      alternateName: 'IOP',
      description: 'Several days a week.',
      url: 'https://center.test/programs/iop/',
      howPerformed:
        'Intensive outpatient care: 3 to 5 days a week, 3 to 4 hours a session, 9 to 20 hours a week. ' +
        'Includes: Individual therapy; Group therapy.',
      contraindication: ['People who need 24-hour supervision'],
      relevantSpecialty: ['https://schema.org/Psychiatric'],
    });
    expect(graphProblems(graph)).toEqual([]);
  });

  it.each([
    [
      {
        daysPerWeek: { min: 0.5, max: 1 },
        hoursPerSession: { min: 1, max: 1 },
        hoursPerWeek: { min: 1, max: 2 },
      },
      'care: every week or every other week, 1 hour a session, 1 to 2 hours a week',
    ],
    [{ levelOfCare: 'outpatient' as const }, 'Outpatient care: 3 to 5 days a week'],
  ])('howPerformed reads the schedule (%j)', (change, expected) => {
    expect(howPerformed({ ...program, ...change })).toContain(expected);
  });
});

describe('pageGraph', () => {
  it('says the home page is about the organization and has no breadcrumb', () => {
    const graph = pageGraph(site, { url: 'https://center.test/', title: 'Home', description: 'd' });
    const page = byId(graph, 'https://center.test/#webpage');
    expect(page).toMatchObject({ '@type': 'WebPage', about: { '@id': 'https://center.test/#organization' } });
    expect(page).not.toHaveProperty('breadcrumb');
    expect(graph['@graph'].some((n) => (n as { '@type'?: string })['@type'] === 'BreadcrumbList')).toBe(
      false,
    );
  });

  it.each(['CollectionPage', 'ContactPage', 'AboutPage', 'WebPage'] as const)('types a %s', (type) => {
    const graph = pageGraph(
      site,
      { url: 'https://center.test/x/', title: 'X', description: 'd' },
      { type, dateModified: new Date('2026-05-06T00:00:00Z') },
    );
    expect(byId(graph, 'https://center.test/x/#webpage')).toMatchObject({
      '@type': type,
      dateModified: '2026-05-06',
    });
  });

  it('never emits FAQ markup', () => {
    const json = serializeJsonLd(
      pageGraph(site, { url: 'https://center.test/', title: 'Home', description: 'd' }),
    );
    expect(json).not.toContain('FAQPage');
  });
});

describe('serializeJsonLd', () => {
  it('escapes < so text cannot close the script element', () => {
    const json = serializeJsonLd({
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'Thing', '@id': 'x', name: '</script><script>alert(1)</script>' }],
    });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)['@graph'][0].name).toBe('</script><script>alert(1)</script>');
  });
});

describe('graphProblems', () => {
  const node = (id: string, extra: object = {}) => ({ '@type': 'Thing', '@id': id, ...extra });
  it.each([
    [
      'a sound graph',
      { '@context': 'https://schema.org', '@graph': [node('a'), node('b', { x: { '@id': 'a' } })] },
      [],
    ],
    [
      'a dangling reference',
      { '@context': 'https://schema.org', '@graph': [node('a', { x: [{ '@id': 'z' }] })] },
      ['reference to "z" does not resolve inside the graph'],
    ],
    [
      'a repeated @id',
      { '@context': 'https://schema.org', '@graph': [node('a'), node('a')] },
      ['@id "a" appears twice'],
    ],
    [
      'a node without @type',
      { '@context': 'https://schema.org', '@graph': [{ '@id': 'a' }] },
      ['@graph[0] has no @type'],
    ],
    [
      'a node without @id',
      { '@context': 'https://schema.org', '@graph': [{ '@type': 'Thing' }] },
      ['@graph[0] (Thing) has no @id'],
    ],
    ['no @graph', { '@context': 'https://schema.org', '@type': 'Thing' }, ['there is no @graph array']],
    [
      'another context',
      { '@context': 'http://schema.org', '@graph': [] },
      ['@context is not "https://schema.org"'],
    ],
  ])('%s', (_name, graph, expected) => expect(graphProblems(graph)).toEqual(expected));

  it('counts an object as a reference only when @id is its only key', () => {
    expect(references({ a: { '@id': 'x' }, b: { '@id': 'y', name: 'inline' }, c: [{ '@id': 'z' }] })).toEqual(
      ['x', 'z'],
    );
  });
});
