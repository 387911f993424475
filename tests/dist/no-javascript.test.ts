import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtSitePages, distDir, distFiles } from '../support/dist.ts';
import { LEAD_FORMS } from '../support/budgets.ts';

// Pages ship no JavaScript unless a feature truly needs it. The features that do are the
// lead forms' enhancements (the callback form, the coverage check): one small deferred
// module on pages with a form, sharing one chunk of the two forms' common code.
const DATA_SCRIPT_TYPES = new Set(['application/ld+json']);
const ENHANCEMENT_BUDGET_GZ = 3 * 1024;
// Fails on an empty or partial dist/, where every check below would pass on nothing.
const pages = builtSitePages();

describe('JavaScript in dist/', () => {
  it('is only the lead forms\' enhancements, together within their 3 KB gzipped budget', () => {
    const scripts = distFiles().filter((f) => /\.(m?js|cjs)$/.test(f));
    // Both forms are on the site, so both enhancements and their shared chunk must be built.
    expect(scripts).toHaveLength(3);
    expect(scripts.filter((file) => file.includes('CallbackForm'))).toHaveLength(1);
    expect(scripts.filter((file) => file.includes('InsuranceForm'))).toHaveLength(1);
    expect(scripts.filter((file) => file.includes('lead-form'))).toHaveLength(1);
    const total = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
    expect(total).toBeLessThanOrEqual(ENHANCEMENT_BUDGET_GZ);
  });
});

describe.each(pages.map((page) => [page.path, page] as const))('%s', (_path, { $ }) => {
  const scripts = $('script')
    .toArray()
    .filter((el) => !DATA_SCRIPT_TYPES.has($(el).attr('type') ?? ''));

  if ($(LEAD_FORMS).length > 0) {
    it('loads only the form enhancement, as a deferred module from this site', () => {
      expect(scripts).toHaveLength(1);
      const script = $(scripts[0]);
      expect(script.attr('type')).toBe('module');
      expect(script.attr('src')).toMatch(/^\/_astro\/(CallbackForm|InsuranceForm)[^/]*\.js$/);
      expect(script.text().trim()).toBe('');
      expect(distFiles()).toContain(`${distDir}${script.attr('src')}`);
    });
  } else {
    it('has no executable <script>', () => {
      expect(scripts.map((el) => $.html(el))).toEqual([]);
    });
  }

  it('has no inline event handlers or javascript: URLs', () => {
    const handlers = $('*')
      .toArray()
      .flatMap((el) => ('attribs' in el ? Object.keys(el.attribs) : []).filter((name) => name.startsWith('on')));
    expect(handlers).toEqual([]);
    expect($('[href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i]').length).toBe(0);
  });
});

it('the form appears on every article and program page and on /callback/', () => {
  const withForm = pages.filter((p) => p.$('form[data-callback-form]').length > 0).map((p) => p.path);
  const expected = pages
    .map((p) => p.path)
    .filter((path) => /^\/(articles|programs)\/[^/]+\/$/.test(path) || path === '/callback/')
    .filter((path) => !/^\/articles\/\d+\/$/.test(path));
  expect(withForm.sort()).toEqual(expected.sort());
  expect(withForm).toContain('/callback/');
  expect(withForm.filter((path) => path.startsWith('/programs/'))).not.toEqual([]);
  expect(withForm.filter((path) => path.startsWith('/articles/'))).not.toEqual([]);
});
