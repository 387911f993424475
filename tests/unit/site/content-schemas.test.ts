import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { collections } from '../../../src/content.config.ts';

// The image() helper Astro passes to schema functions, reduced to what frontmatter holds.
const image = () => z.object({ src: z.string(), width: z.number(), height: z.number(), format: z.string() });
type Schema = z.ZodType;
const schemaOf = (name: keyof typeof collections): Schema => {
  const { schema } = collections[name] as { schema: Schema | ((ctx: unknown) => Schema) };
  return typeof schema === 'function' ? schema({ image }) : schema;
};
const issues = (name: keyof typeof collections, data: unknown) => {
  const result = schemaOf(name).safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

const description = 'A description long enough for search results, about the treatment this page explains.';
const article = {
  title: 'IOP vs. outpatient care',
  description,
  publishedAt: '2026-11-20',
  reviewedAt: '2026-11-18',
  author: 'editorial-team',
  reviewer: 'clinical-review-team',
  topics: ['treatment-options'],
};
const program = {
  title: 'Intensive Outpatient Program',
  description,
  shortName: 'IOP',
  levelOfCare: 'intensive-outpatient',
  hoursPerWeek: { min: 9, max: 20 },
  daysPerWeek: { min: 3, max: 5 },
  hoursPerSession: { min: 3, max: 4 },
  services: ['Group therapy'],
  therapies: ['CBT'],
  goals: ['Stabilize symptoms'],
  suitedFor: ['People living at home'],
  notSuitedFor: ['People who need 24-hour care'],
};
const person = { name: 'Clinical review team', kind: 'role', bio: 'Doctorate-level clinicians.' };
const nine = { opens: '09:00', closes: '17:00' };
const location = {
  name: 'North clinic',
  description,
  streetAddress: '1 Main Street',
  addressLocality: 'Springfield',
  addressRegion: 'CA',
  postalCode: '90210',
  geo: { latitude: 34.05, longitude: -118.25 },
  phone: { display: '(202) 555-0231', e164: '+12025550231' },
  hours: { monday: nine, friday: nine },
  programs: ['outpatient'],
  telehealth: false,
};
const licence = {
  issuer: 'State Department of Health Care Services',
  certifies: 'Outpatient treatment',
  number: '300123AP',
  verifyUrl: 'https://licensing.test/verify',
  validUntil: '2027-06-30',
};

describe('valid frontmatter', () => {
  it.each([
    ['articles', article],
    ['articles', { ...article, updatedAt: '2026-11-25', programs: ['iop'], draft: true }],
    ['programs', program],
    ['programs', { ...program, daysPerWeek: { min: 0.5, max: 1 } }],
    ['people', person],
    ['people', { ...person, kind: 'person', credentials: ['MD'], reviewsClinicalContent: true }],
    ['topics', { label: 'Treatment options', description }],
    ['pages', { title: 'Privacy', description, updatedAt: '2026-11-29' }],
    ['whatToBring', { item: 'A photo ID', order: 10 }],
    ['whatToBring', { item: 'A photo ID', detail: 'So we know your records are yours.', order: 10 }],
    ['locations', location],
    [
      'locations',
      { ...location, postalCode: '90210-1234', phone: { display: '1-202-555-0231', e164: '+12025550231' } },
    ],
    ['locations', { ...location, hours: {}, hoursNote: 'By appointment only.', licenses: [licence] }],
  ] as const)('%s %#', (name, data) => expect(issues(name, data)).toEqual([]));
});

describe('invalid frontmatter names the field', () => {
  it.each([
    ['articles', 'title', { ...article, title: undefined }],
    ['articles', 'title', { ...article, title: 'x'.repeat(61) }],
    ['articles', 'description', { ...article, description: 'Too short.' }],
    ['articles', 'description', { ...article, description: 'x'.repeat(161) }],
    ['articles', 'publishedAt', { ...article, publishedAt: 'not a date' }],
    ['articles', 'updatedAt', { ...article, updatedAt: '2026-01-01' }],
    ['articles', 'reviewedAt', { ...article, reviewedAt: '2999-01-01' }],
    ['articles', 'reviewer', { ...article, reviewer: undefined }],
    ['articles', 'topics', { ...article, topics: [] }],
    ['articles', 'draft', { ...article, draft: 'yes' }],
    ['articles', 'hero', { ...article, hero: { image: 'x.png' } }],
    ['programs', 'levelOfCare', { ...program, levelOfCare: 'inpatient' }],
    ['programs', 'hoursPerWeek', { ...program, hoursPerWeek: { min: 20, max: 9 } }],
    ['programs', 'daysPerWeek.max', { ...program, daysPerWeek: { min: 3, max: 8 } }],
    ['programs', 'hoursPerSession.min', { ...program, hoursPerSession: { min: -1, max: 3 } }],
    ['programs', 'services', { ...program, services: [] }],
    ['programs', 'shortName', { ...program, shortName: '' }],
    ['people', 'kind', { ...person, kind: 'robot' }],
    ['people', 'reviewsClinicalContent', { ...person, reviewsClinicalContent: 'true' }],
    ['topics', 'label', { label: 'x'.repeat(41), description }],
    ['pages', 'updatedAt', { title: 'Privacy', description }],
    ['whatToBring', 'item', { item: '', order: 10 }],
    ['whatToBring', 'item', { item: 'x'.repeat(81), order: 10 }],
    ['whatToBring', 'detail', { item: 'A photo ID', detail: ' ', order: 10 }],
    ['whatToBring', 'order', { item: 'A photo ID' }],
    ['whatToBring', 'order', { item: 'A photo ID', order: 1.5 }],
    ['locations', 'addressRegion', { ...location, addressRegion: 'California' }],
    ['locations', 'postalCode', { ...location, postalCode: '9021' }],
    ['locations', 'geo.latitude', { ...location, geo: { latitude: 91, longitude: 0 } }],
    ['locations', 'phone.e164', { ...location, phone: { display: '(202) 555-0231', e164: '+12025550232' } }],
    ['locations', 'phone.e164', { ...location, phone: { display: '(202) 555-0231', e164: '2025550231' } }],
    [
      'locations',
      'hours.monday.opens',
      { ...location, hours: { monday: { opens: '8am', closes: '17:00' } } },
    ],
    ['locations', 'hours.monday', { ...location, hours: { monday: { opens: '17:00', closes: '09:00' } } }],
    ['locations', 'programs', { ...location, programs: [] }],
    ['locations', 'telehealth', { ...location, telehealth: undefined }],
    [
      'locations',
      'licenses.0.verifyUrl',
      { ...location, licenses: [{ ...licence, verifyUrl: 'http://x.test/' }] },
    ],
    [
      'locations',
      'licenses.0.validUntil',
      { ...location, licenses: [{ ...licence, validUntil: '30/06/2027' }] },
    ],
  ] as const)('%s: %s is refused', (name, field, data) => {
    const found = issues(name, data);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((issue) => issue.startsWith(`${field}:`) || issue.startsWith(`${field}.`))).toBe(true);
  });
});
