import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureSite, type FixtureSite } from '../support/fixture-site.ts';

// Each case builds a copy of the real site with one broken file and reads the error.
const frontmatter = (fields: string) => `---\n${fields}\n---\n\nSome text for the body of the article.\n`;
const validFields = [
  'title: A fixture article',
  'description: A description long enough for search results, about the treatment this page explains.',
  'publishedAt: 2026-11-20',
  'reviewedAt: 2026-11-18',
  'author: editorial-team',
  'reviewer: clinical-review-team',
  'topics: [treatment-options]',
].join('\n');

let site: FixtureSite | undefined;
afterEach(() => site?.remove());

describe('a build with broken content fails and says where', () => {
  it.each([
    [
      'a missing required field',
      frontmatter(validFields.replace('title: A fixture article\n', '')),
      ['src/content/articles/broken-fixture.mdx', 'title'],
    ],
    [
      'a description that is too short',
      frontmatter(validFields.replace(/description: .*/, 'description: Too short.')),
      ['src/content/articles/broken-fixture.mdx', 'description'],
    ],
    [
      'a reviewer who may not review clinical content',
      frontmatter(validFields.replace('reviewer: clinical-review-team', 'reviewer: editorial-team')),
      [
        'src/content/articles/broken-fixture.mdx',
        'reviewer "editorial-team" may not review clinical content',
      ],
    ],
    [
      'a topic that does not exist',
      frontmatter(validFields.replace('topics: [treatment-options]', 'topics: [astrology]')),
      ['src/content/articles/broken-fixture.mdx', 'topics "astrology"'],
    ],
    [
      'a published article without a reviewer',
      frontmatter(validFields.replace('reviewer: clinical-review-team\n', '')),
      ['src/content/articles/broken-fixture.mdx', 'a published article needs a clinical reviewer'],
    ],
    [
      'a published headline too long for search results, without seoTitle',
      frontmatter(validFields.replace('title: A fixture article', `title: ${'A long headline '.repeat(5)}`)),
      ['src/content/articles/broken-fixture.mdx', 'shorten it or add seoTitle'],
    ],
  ])('%s', async (_name, file, expected) => {
    site = await createFixtureSite({ 'src/content/articles/broken-fixture.mdx': file });
    const { code, output } = await site.build();
    expect(code).not.toBe(0);
    for (const text of expected) expect(output).toContain(text);
  });
});

describe('a build with a broken location fails and says where', () => {
  it.each([
    [
      'a program that does not exist',
      (l: string) => l.replace('"intensive-outpatient"', '"detox"'),
      'programs has no program "detox"',
    ],
    [
      'a phone whose two forms differ',
      (l: string) => l.replace('"+12025550142"', '"+12025550143"'),
      'display and e164 must be the same number',
    ],
  ])('%s', async (_name, broken, expected) => {
    const file = 'src/content/locations/main-campus.json';
    const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    site = await createFixtureSite({ [file]: broken(text) });
    const { code, output } = await site.build();
    expect(code).not.toBe(0);
    expect(output).toContain('main-campus');
    expect(output).toContain(expected);
  });
});

describe('what only a published article needs', () => {
  it('a Markdown draft without review, with a long headline and a short description, builds', async () => {
    const draft = [
      `title: ${'A long imported headline '.repeat(4)}`,
      'description: Short.',
      'publishedAt: 2013-01-10',
      'author: editorial-team',
      'topics: [treatment-options]',
      'draft: true',
    ].join('\n');
    // A published .md article beside it shows the collection reads Markdown too.
    site = await createFixtureSite({
      'src/content/articles/imported-draft.md': frontmatter(draft),
      'src/content/articles/plain-markdown.md': frontmatter(
        validFields.replace('title: A fixture article', 'title: A plain Markdown article'),
      ),
    });
    const { code, output } = await site.build();
    expect(code, output).toBe(0);
    const built = (page: string) => join(site!.root, 'dist/articles', page, 'index.html');
    expect(readFileSync(built('plain-markdown'), 'utf8')).toContain('Some text for the body');
    expect(existsSync(built('imported-draft'))).toBe(false);
  });
});

const NOTICE_TEMPLATES = ['nondiscrimination', 'language-assistance', 'notice-of-privacy-practices'];
const MAIN = 'src/content/locations/main-campus.json';
const mainLocation = () => readFileSync(new URL(`../../${MAIN}`, import.meta.url), 'utf8');

/** The main location with what a real one would have in place of each placeholder. */
const realLocation = () =>
  JSON.stringify({
    ...(JSON.parse(mainLocation()) as object),
    description: 'Our main campus in Springfield, where outpatient and intensive outpatient programs meet.',
    streetAddress: '1 Main Street',
    addressLocality: 'Springfield',
    postalCode: '90210',
    geo: { latitude: 34.05, longitude: -118.25 },
    phone: { display: '(202) 555-0231', e164: '+12025550231' },
    hoursNote: 'Closed on federal holidays.',
    parking: 'Free parking behind the building.',
    transit: 'Bus 12 stops at the corner.',
    licenses: [
      {
        issuer: 'State Department of Health Care Services',
        certifies: 'Outpatient treatment',
        number: '300123AP',
        verifyUrl: 'https://licensing.test/verify',
        validUntil: '2099-12-31',
      },
    ],
  });
const SAMPLE_INSURERS = ['placeholder-national-insurance', 'sample-blue-plan', 'sample-community-care'];

describe('placeholder guard', () => {
  it.each([{ CONTEXT: 'production' }, { NODE_ENV: 'production' }])(
    'a production build (%j) refuses placeholder settings and names them',
    async (env) => {
      site = await createFixtureSite();
      const { code, output } = await site.build(env);
      expect(code).not.toBe(0);
      // The admissions phone is the main location's: named once, by that file.
      expect(output).toContain(`${MAIN}: phone.display: a fictional 555-01xx phone number`);
      expect(output).not.toContain('site.admissions.phone');
      for (const field of ['streetAddress', 'postalCode', 'geo', 'hoursNote', 'licenses[0].number'])
        expect(output).toContain(`${MAIN}: ${field}`);
      expect(output).toContain('site.accreditations[0].issuer');
      expect(output).toContain('site.accreditations[0].verifyUrl: a reserved example domain');
      // The notice templates are named in the same report, each by its file.
      for (const notice of NOTICE_TEMPLATES)
        expect(output).toContain(`src/content/pages/${notice}.mdx: a notice template`);
      // And so are the sample insurers of /insurance/.
      for (const insurer of SAMPLE_INSURERS)
        expect(output).toContain(`src/content/insurers/${insurer}.yaml: a sample insurer`);
    },
  );

  it('any build refuses an accreditation past its date, naming it', async () => {
    const expired = readFileSync(new URL('../../src/site.config.ts', import.meta.url), 'utf8').replace(
      "validUntil: '2099-12-31'",
      "validUntil: '2020-01-31'",
    );
    site = await createFixtureSite({ 'src/site.config.ts': expired });
    const { code, output } = await site.build();
    expect(code).not.toBe(0);
    expect(output).toContain('site.accreditations[0] (Placeholder accrediting body): expired on 2020-01-31');
  });

  it("any build refuses a location's licence past its date, naming its file", async () => {
    site = await createFixtureSite({ [MAIN]: mainLocation().replace('"2099-12-31"', '"2020-01-31"') });
    const { code, output } = await site.build();
    expect(code).not.toBe(0);
    expect(output).toContain(
      `${MAIN}: licenses[0] (Placeholder state licensing agency): expired on 2020-01-31`,
    );
  });

  it('a production build with real settings gets past the guard', async () => {
    const real = (await import('node:fs'))
      .readFileSync(new URL('../../src/site.config.ts', import.meta.url), 'utf8')
      .replace("url: 'https://absolute-awakenings.example'", "url: 'https://www.treatment-center.test'")
      .replace('admissions@absolute-awakenings.example', 'admissions@treatment-center.test')
      .replace('Placeholder hours: ', '')
      .replace("'Placeholder accrediting body'", "'The Joint Commission'")
      .replace(
        "'Placeholder: what the accreditation covers, e.g. behavioral health care'",
        "'Behavioral health care'",
      )
      .replace("'Placeholder accreditation number'", "'123456'")
      .replace("'https://accrediting-body.example/verify'", "'https://accreditation.test/verify'");
    // Counsel's own wording replaces each notice template.
    const notices = Object.fromEntries(
      NOTICE_TEMPLATES.map((notice) => {
        const path = `src/content/pages/${notice}.mdx`;
        const text = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
        return [path, text.replace('template: true\n', '')];
      }),
    );
    // The center's own insurers replace the samples (same files, real names).
    const insurers = Object.fromEntries(
      SAMPLE_INSURERS.map((slug, i) => [
        `src/content/insurers/${slug}.yaml`,
        `name: Real Health Plan ${i + 1}\nplanTypes: [PPO]\nnetwork: in\n`,
      ]),
    );
    site = await createFixtureSite({
      'src/site.config.ts': real,
      [MAIN]: realLocation(),
      ...notices,
      ...insurers,
    });
    // A production build also needs a delivery channel and the encryption key.
    const { code, output } = await site.build({
      CONTEXT: 'production',
      LEAD_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      ADMISSIONS_WEBHOOK_URL: 'https://crm.test/hooks',
      ADMISSIONS_WEBHOOK_SECRET: `whsec_${Buffer.alloc(32, 2).toString('base64')}`,
    });
    expect(output).not.toContain('placeholder values');
    expect(code).toBe(0);
  });
});
