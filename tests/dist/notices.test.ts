import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { site } from '../../src/site.config.ts';
import { builtSitePages, distDir } from '../support/dist.ts';

// The notices a health provider must post: every page's footer links them, the sitemap
// lists them, each says it is a template while it is one, and the language-assistance
// notice shows each configured language's tagline marked with its language.
const NOTICES = ['/nondiscrimination/', '/language-assistance/', '/notice-of-privacy-practices/'];
const pages = builtSitePages();
const byPath = new Map(pages.map((page) => [page.path, page]));

describe.each(pages.map((page) => [page.path, page] as const))('%s', (_path, { $ }) => {
  it('links the three required notices, and the language help in each language, from its footer', () => {
    const footer = $('footer.site-footer');
    expect(footer).toHaveLength(1);
    const hrefs = footer
      .find('a[href]')
      .toArray()
      .map((a) => $(a).attr('href'));
    expect(hrefs).toEqual(expect.arrayContaining(NOTICES));
    for (const language of site.notices.languages) {
      const link = footer.find(`a[href="/language-assistance/#tagline-${language.lang}"]`);
      expect(link.attr('lang')).toBe(language.lang);
      expect(link.text().trim()).toBe(language.footerLink);
    }
  });
});

describe('the required notices', () => {
  const sitemap = readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8');

  it.each(NOTICES)('%s is built, listed in the sitemap and says it is a template', (path) => {
    const page = byPath.get(path);
    expect(page, `${path} is not built`).toBeDefined();
    expect(sitemap).toContain(`<loc>${site.url}${path}</loc>`);
    expect(page!.$('main').text()).toContain('This notice is a template.');
  });

  it('shows every configured tagline in an element marked with its language', () => {
    const { $ } = byPath.get('/language-assistance/')!;
    expect(site.notices.languages.map((l) => l.lang)).toContain('es');
    for (const language of site.notices.languages) {
      const tagline = $(`main #tagline-${language.lang}`);
      expect(tagline.attr('lang')).toBe(language.lang);
      expect(tagline.text()).toContain(language.tagline);
      expect(tagline.find(`a[href="tel:${site.admissions.phone.e164}"]`)).toHaveLength(1);
    }
  });

  it('gives the federal complaint office on both notices that name it, from one entry', () => {
    const office = site.notices.complaintOffice;
    for (const path of ['/nondiscrimination/', '/notice-of-privacy-practices/']) {
      const main = byPath.get(path)!.$('main');
      expect(main.text()).toContain(office.name);
      expect(main.find(`a[href="${office.url}"]`)).toHaveLength(1);
      expect(main.find(`a[href="tel:${office.phone.tel}"]`)).toHaveLength(1);
    }
  });
});
