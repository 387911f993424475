import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtSitePages, distDir, distFiles } from '../support/dist.ts';

// Pages ship no JavaScript unless a feature truly needs it. The one feature that does is
// the callback form's enhancement: one small module, deferred, on pages with the form.
const DATA_SCRIPT_TYPES = new Set(['application/ld+json']);
const ENHANCEMENT_BUDGET_GZ = 3 * 1024;
// Fails on an empty or partial dist/, where every check below would pass on nothing.
const pages = builtSitePages();

describe('JavaScript in dist/', () => {
  it('is only the callback form enhancement, within its 3 KB gzipped budget', () => {
    const scripts = distFiles().filter((f) => /\.(m?js|cjs)$/.test(f));
    // Exactly one: the form is on the site, so its enhancement must be built.
    expect(scripts).toHaveLength(1);
    for (const file of scripts) {
      expect(file).toContain('CallbackForm');
      expect(gzipSync(readFileSync(file), { level: 9 }).length).toBeLessThanOrEqual(ENHANCEMENT_BUDGET_GZ);
    }
  });
});

describe.each(pages.map((page) => [page.path, page] as const))('%s', (_path, { $ }) => {
  const scripts = $('script')
    .toArray()
    .filter((el) => !DATA_SCRIPT_TYPES.has($(el).attr('type') ?? ''));

  if ($('form[data-callback-form]').length > 0) {
    it('loads only the form enhancement, as a deferred module from this site', () => {
      expect(scripts).toHaveLength(1);
      const script = $(scripts[0]);
      expect(script.attr('type')).toBe('module');
      expect(script.attr('src')).toMatch(/^\/_astro\/CallbackForm[^/]*\.js$/);
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
