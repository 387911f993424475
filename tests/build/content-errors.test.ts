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
const SAMPLE_INSURERS = ['placeholder-national-insurance', 'sample-blue-plan', 'sample-community-care'];

describe('placeholder guard', () => {
  it.each([{ CONTEXT: 'production' }, { NODE_ENV: 'production' }])(
    'a production build (%j) refuses placeholder settings and names them',
    async (env) => {
      site = await createFixtureSite();
      const { code, output } = await site.build(env);
      expect(code).not.toBe(0);
      expect(output).toContain('site.admissions.phone.display');
      expect(output).toContain('a fictional 555-01xx phone number');
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
    expect(output).toContain(
      'site.accreditations[0] (Placeholder state licensing agency): expired on 2020-01-31',
    );
  });

  it('a production build with real settings gets past the guard', async () => {
    const real = (await import('node:fs'))
      .readFileSync(new URL('../../src/site.config.ts', import.meta.url), 'utf8')
      .replace("url: 'https://absolute-awakenings.example'", "url: 'https://www.treatment-center.test'")
      .replace(
        "display: '(202) 555-0142', e164: '+12025550142'",
        "display: '(202) 555-0231', e164: '+12025550231'",
      )
      .replace('admissions@absolute-awakenings.example', 'admissions@treatment-center.test')
      .replace('Placeholder hours: ', '')
      .replace("'Placeholder street address'", "'1 Main Street'")
      .replace("'Placeholder city'", "'Springfield'")
      .replace("'00000'", "'90210'")
      .replace("'Placeholder state licensing agency'", "'State Department of Health Care Services'")
      .replace("'Placeholder: what the licence covers, e.g. outpatient treatment'", "'Outpatient treatment'")
      .replace("'Placeholder licence number'", "'300123AP'")
      .replace("'https://licensing-agency.example/verify'", "'https://licensing.test/verify'");
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
    site = await createFixtureSite({ 'src/site.config.ts': real, ...notices, ...insurers });
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
