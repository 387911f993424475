/**
 * The insurers in the site's list (src/content/insurers/), by slug and name: `insurer` must
 * be one of these slugs or `other`. The function cannot read content collections at run
 * time, so the list lives here, and a unit test (tests/unit/insurance/insurers.test.ts)
 * fails when it differs from the collection.
 */
export interface InsurerName {
  slug: string;
  name: string;
}

export const INSURERS: readonly InsurerName[] = [
  { slug: 'sample-blue-plan', name: 'Sample Blue Health Plan' },
  { slug: 'sample-community-care', name: 'Sample Community Care' },
  { slug: 'placeholder-national-insurance', name: 'Placeholder National Insurance' },
];

export const INSURER_SLUGS: readonly string[] = INSURERS.map((insurer) => insurer.slug);
