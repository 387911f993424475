import { describe, expect, it } from 'vitest';
import { site } from '../../src/site.config.ts';
import { builtSitePages } from '../support/dist.ts';
import { locationFiles, type LocationFile } from '../support/locations.ts';

// The trust block as built: on the home page, every program page and every location page,
// each licence or accreditation a plain link to the issuer's own lookup, and nothing run
// from the issuer. The center's accreditations show everywhere; a location's state licences
// on its own page, on the pages of the programs it offers, and on the home page.
const pages = builtSitePages().filter((p) => p.path === '/' || /^\/(programs|locations)\/[^/]+\/$/.test(p.path));
const locationsOn = (path: string): LocationFile[] => {
  const [, section, slug] = /^\/(programs|locations)\/([^/]+)\/$/.exec(path) ?? [];
  if (section === 'programs') return locationFiles.filter((l) => l.programs.includes(slug!));
  if (section === 'locations') return locationFiles.filter((l) => l.slug === slug);
  return locationFiles;
};

describe('the trust block', () => {
  it('is on the home page, each program page and each location page', () => {
    expect(pages.map((p) => p.path)).toContain('/');
    expect(pages.filter((p) => p.path.startsWith('/programs/')).length).toBeGreaterThanOrEqual(2);
    expect(pages.filter((p) => p.path.startsWith('/locations/'))).toHaveLength(locationFiles.length);
  });

  it.each(pages.map((p) => [p.path, p] as const))('%s links each issuer lookup, with no script', (_path, page) => {
    const block = page.$('section.trust');
    expect(block).toHaveLength(1);
    expect(block.find('h2, h3').first().text()).toBe('Licensed and accredited');
    const shown = [...site.accreditations, ...locationsOn(page.path).flatMap((l) => l.licenses ?? [])];
    expect(shown.length).toBeGreaterThan(site.accreditations.length);
    const links = block.find('a').map((_, a) => page.$(a).attr('href')).get();
    expect(links).toEqual(shown.map((a) => a.verifyUrl));
    expect(block.find('script, iframe, img')).toHaveLength(0);
    for (const a of shown) expect(block.text()).toContain(a.number);
  });
});
