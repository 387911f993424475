import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { site } from '../../src/site.config.ts';
import { projectRoot } from '../support/fixture-site.ts';
import { builtSitePages, type BuiltPage } from '../support/dist.ts';

// The admissions guide as built: its list comes from the data file, its questions are plain
// disclosures, and the pages people come from link to it.
const pages = builtSitePages();
const byPath = new Map(pages.map((page) => [page.path, page]));
const guide = byPath.get('/admissions/')!;
const { $ } = guide;
const graph = (page: BuiltPage): Record<string, unknown>[] =>
  JSON.parse(page.$('script[type="application/ld+json"]').text())['@graph'] as Record<string, unknown>[];
const text = (selector: string) =>
  $(selector)
    .map((_, el) => $(el).text().replace(/\s+/g, ' ').trim())
    .get();

interface Entry {
  id: string;
  item: string;
  detail?: string;
  order: number;
}
const whatToBring = (
  parse(readFileSync(join(projectRoot, 'src/content/admissions/what-to-bring.yaml'), 'utf8')) as Entry[]
).sort((a, b) => a.order - b.order);

describe('/admissions/', () => {
  it('lists what to bring from src/content/admissions/what-to-bring.yaml, in order', () => {
    expect(whatToBring.length).toBeGreaterThan(0);
    expect(text('section[aria-labelledby="bring"] li strong')).toEqual(
      whatToBring.map((e) => e.item),
    );
    for (const entry of whatToBring.filter((e) => e.detail))
      expect($(`#bring-${entry.id}`).text()).toContain(entry.detail);
  });

  it('gives the admissions hours and a call link from the site configuration', () => {
    expect($('main').text()).toContain(site.admissions.hours);
    expect($(`main a[href="tel:${site.admissions.phone.e164}"]`).length).toBeGreaterThan(0);
  });

  it('carries the No Surprises Act Good Faith Estimate notice with where to learn more', () => {
    const notice = $('section[aria-labelledby="gfe-title"]');
    expect(notice.find('#gfe-title').text()).toMatch(/Good Faith Estimate/);
    expect(notice.text()).toMatch(/at least \$400 more/);
    expect(notice.find('a[href="https://www.cms.gov/nosurprises"]')).toHaveLength(1);
    expect(notice.find('a[href="tel:+18009853059"]')).toHaveLength(1);
  });

  it('answers common questions in <details> with a <summary>, and has no FAQ structured data', () => {
    const questions = $('section[aria-labelledby="questions"] details');
    expect(questions.length).toBeGreaterThanOrEqual(3);
    questions.each((_, el) => expect($(el).children('summary').first().text().trim()).toMatch(/\?$/));
    const types = graph(guide).map((n) => n['@type']);
    expect(types).not.toContain('FAQPage');
    expect(types).not.toContain('Question');
    expect(JSON.stringify(graph(guide))).not.toContain('"mainEntity"');
  });

  it('has a WebPage and its breadcrumb in the JSON-LD graph', () => {
    const nodes = graph(guide);
    const webpage = nodes.find((n) => n['@type'] === 'WebPage');
    expect(webpage?.['url']).toBe(`${site.url}/admissions/`);
    const crumbs = nodes.find((n) => n['@type'] === 'BreadcrumbList');
    expect(webpage?.['breadcrumb']).toEqual({ '@id': crumbs?.['@id'] });
    const items = crumbs?.['itemListElement'] as { name: string; item: string }[];
    expect(items.map((i) => [i.name, i.item])).toEqual([
      ['Home', `${site.url}/`],
      ['Admissions guide', `${site.url}/admissions/`],
    ]);
  });

  it('is linked from the home page, every program page and the callback thanks page', () => {
    const from = ['/', '/callback/thanks/', ...pages.map((p) => p.path).filter((p) => /^\/programs\/[^/]+\/$/.test(p))];
    expect(from.length).toBeGreaterThan(2);
    const missing = from.filter((path) => byPath.get(path)!.$('main a[href="/admissions/"]').length === 0);
    expect(missing).toEqual([]);
  });
});
