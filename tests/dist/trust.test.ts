import { describe, expect, it } from 'vitest';
import { site } from '../../src/site.config.ts';
import { builtSitePages } from '../support/dist.ts';

// The trust block as built: on the home page and every program page, each licence or
// accreditation a plain link to the issuer's own lookup, and nothing run from the issuer.
const pages = builtSitePages().filter((p) => p.path === '/' || /^\/programs\/[^/]+\/$/.test(p.path));

describe('the trust block', () => {
  it('is on the home page and on each program page', () => {
    expect(pages.map((p) => p.path)).toContain('/');
    expect(pages.filter((p) => p.path.startsWith('/programs/')).length).toBeGreaterThanOrEqual(2);
  });

  it.each(pages.map((p) => [p.path, p] as const))('%s links each issuer lookup, with no script', (_path, page) => {
    const block = page.$('section.trust');
    expect(block).toHaveLength(1);
    expect(block.find('h2, h3').first().text()).toBe('Licensed and accredited');
    const links = block.find('a').map((_, a) => page.$(a).attr('href')).get();
    expect(links).toEqual(site.accreditations.map((a) => a.verifyUrl));
    expect(block.find('script, iframe, img')).toHaveLength(0);
    for (const a of site.accreditations) expect(block.text()).toContain(a.number);
  });
});
