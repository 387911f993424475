import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPlaceholders, isProductionBuild, placeholderReport } from '../../../src/lib/placeholders.ts';
import { TEMPLATE_REASON, findTemplatePages, templateReport } from '../../../src/lib/template-pages.ts';
import { findContentPlaceholders } from '../../../src/lib/content-placeholders.ts';
import { site } from '../../../src/site.config.ts';

describe('findPlaceholders', () => {
  it.each([
    ['(202) 555-0142', 'a fictional 555-01xx phone number'],
    ['+12025550199', 'a fictional 555-01xx phone number'],
    ['202.555.0100', 'a fictional 555-01xx phone number'],
    ['https://center.example', 'a reserved example domain'],
    ['admissions@center.example', 'a reserved example domain'],
    ['https://www.example.com', 'a reserved example domain'],
    ['Placeholder street', 'the word "placeholder"'],
    ['00000', 'the postal code 00000'],
  ])('flags %j', (value, reason) => {
    expect(findPlaceholders({ value })).toEqual([{ setting: 'site.value', reason }]);
  });

  it.each(['(202) 555-0200', '+12025551234', 'https://www.examples.org', '988', '1-800-662-4357', '90210'])(
    'accepts %j',
    (value) => expect(findPlaceholders({ value })).toEqual([]),
  );

  it.each([
    [{ latitude: 0, longitude: 0 }, ['the coordinates 0, 0']],
    [{ latitude: 0, longitude: -118.2 }, []],
    [{ latitude: 34.05, longitude: 0 }, []],
  ])('a map pin %j', (geo, reasons) => {
    expect(findPlaceholders({ geo })).toEqual(reasons.map((reason) => ({ setting: 'site.geo', reason })));
  });

  it('names the path of nested settings', () => {
    expect(findPlaceholders({ a: [{ b: 'x.example' }] })).toEqual([
      { setting: 'site.a[0].b', reason: 'a reserved example domain' },
    ]);
  });

  it('finds every placeholder the shipped configuration still holds', () => {
    const settings = findPlaceholders(site).map((p) => p.setting);
    expect(settings).toEqual(
      expect.arrayContaining(['site.url', 'site.admissions.phone.e164', 'site.admissions.email']),
    );
    expect(placeholderReport(findPlaceholders(site))).toContain('site.admissions.phone.display');
  });
});

describe('isProductionBuild', () => {
  it.each([
    [{ CONTEXT: 'production' }, true],
    [{ NODE_ENV: 'production' }, true],
    [{ CONTEXT: 'deploy-preview' }, false],
    [{ NODE_ENV: 'development' }, false],
    [{}, false],
  ])('%j -> %s', (env, expected) => expect(isProductionBuild(env)).toBe(expected));
});

describe('findTemplatePages', () => {
  const page = (frontmatter: string, body = 'Text.') => `---\ntitle: A page\n${frontmatter}---\n${body}\n`;

  it('names each page whose frontmatter says template: true, and only those', () => {
    const found = findTemplatePages({
      'src/content/pages/b.mdx': page('template: true\n'),
      'src/content/pages/a.mdx': page('updatedAt: 2026-01-01\ntemplate: true # until counsel signs off\n'),
      'src/content/pages/real.mdx': page('template: false\n'),
      'src/content/pages/plain.mdx': page(''),
      'src/content/pages/body.mdx': page('', 'template: true'),
      'src/content/pages/none.mdx': 'template: true\n',
      'src/content/pages/text.mdx': page("template: 'true'\n"),
    });
    expect(found).toEqual([
      { setting: 'src/content/pages/a.mdx', reason: TEMPLATE_REASON },
      { setting: 'src/content/pages/b.mdx', reason: TEMPLATE_REASON },
    ]);
    const report = templateReport(found);
    expect(report).toContain('src/content/pages/a.mdx: a notice template');
    expect(report).toContain('src/content/pages/b.mdx: a notice template');
    expect(templateReport([])).toBe('');
  });

  it('finds the three shipped notice templates', () => {
    const dir = new URL('../../../src/content/pages/', import.meta.url);
    const sources = Object.fromEntries(
      readdirSync(dir).map((f) => [`src/content/pages/${f}`, readFileSync(new URL(f, dir), 'utf8')]),
    );
    expect(findTemplatePages(sources).map((p) => p.setting)).toEqual([
      'src/content/pages/language-assistance.mdx',
      'src/content/pages/nondiscrimination.mdx',
      'src/content/pages/notice-of-privacy-practices.mdx',
    ]);
  });
});

describe('findContentPlaceholders', () => {
  it('names each file and field, in JSON and YAML alike', () => {
    const found = findContentPlaceholders({
      'src/content/people/dr-b.yaml': 'name: Dr B\nlicense:\n  number: Placeholder number\n',
      'src/content/locations/north.json': JSON.stringify({
        name: 'North clinic',
        phone: { display: '(202) 555-0142', e164: '+12025550142' },
        geo: { latitude: 0, longitude: 0 },
        licenses: [{ verifyUrl: 'https://agency.example/verify' }],
      }),
      'src/content/locations/real.json': JSON.stringify({ name: 'South', postalCode: '90210' }),
    });
    expect(found).toEqual([
      {
        setting: 'src/content/locations/north.json: phone.display',
        reason: 'a fictional 555-01xx phone number',
      },
      {
        setting: 'src/content/locations/north.json: phone.e164',
        reason: 'a fictional 555-01xx phone number',
      },
      { setting: 'src/content/locations/north.json: geo', reason: 'the coordinates 0, 0' },
      {
        setting: 'src/content/locations/north.json: licenses[0].verifyUrl',
        reason: 'a reserved example domain',
      },
      { setting: 'src/content/people/dr-b.yaml: license.number', reason: 'the word "placeholder"' },
    ]);
  });

  it('finds the shipped placeholder location in every field that is not known yet', () => {
    const file = 'src/content/locations/main-campus.json';
    const settings = findContentPlaceholders({ [file]: readFileSync(file, 'utf8') }).map((p) => p.setting);
    for (const field of [
      'description',
      'streetAddress',
      'addressLocality',
      'postalCode',
      'geo',
      'phone.display',
      'hoursNote',
      'parking',
      'transit',
      'licenses[0].issuer',
      'licenses[0].number',
      'licenses[0].verifyUrl',
    ])
      expect(settings).toContain(`${file}: ${field}`);
  });

  it('reports them under the files named', () => {
    expect(placeholderReport([{ setting: 'f.json: geo', reason: 'r' }], 'the content files named')).toBe(
      'A production build cannot ship placeholder values. Replace these in the content files named:\n  - f.json: geo: r',
    );
  });
});
