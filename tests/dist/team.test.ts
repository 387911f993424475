import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtSitePages } from '../support/dist.ts';
import { projectRoot } from '../support/fixture-site.ts';

// The shipped content has only roles ("Clinical review team"), no person: /team/ is built
// but names nobody, says profiles are coming and stays out of search results and the
// sitemap; no role gets a profile, and no byline links to one.
const pages = builtSitePages();
const team = pages.find((page) => page.path === '/team/')!;
const peopleDir = join(projectRoot, 'src/content/people');
const people = readdirSync(peopleDir).map(
  (file) => parse(readFileSync(join(peopleDir, file), 'utf8')) as { name: string; kind: string },
);

describe('the team pages as shipped', () => {
  it('ships roles only, so no invented person is named', () => {
    expect(people.length).toBeGreaterThan(0);
    expect(people.filter((p) => p.kind !== 'role')).toEqual([]);
  });

  it('builds /team/, which says profiles are coming and is noindex', () => {
    expect(team).toBeDefined();
    expect(team.$('main').text()).toContain('Profiles of our clinicians');
    expect(team.$('meta[name="robots"]').attr('content')).toBe('noindex');
    for (const role of people) expect(team.$('main dt').text()).toContain(role.name);
  });

  it('is linked from no footer while it names nobody', () => {
    expect(pages.filter((page) => page.$('footer a[href="/team/"]').length > 0).map((page) => page.path)).toEqual([]);
  });

  it('builds no profile, and no page links to one', () => {
    expect(pages.filter((page) => /^\/team\/[^/]+\/$/.test(page.path))).toEqual([]);
    const profileLink = (href: string | undefined) => /^\/team\/[^/]+\/$/.test(href ?? '');
    const linked = pages
      .filter((page) => page.$('a').toArray().some((a) => profileLink(page.$(a).attr('href'))))
      .map((page) => page.path);
    expect(linked).toEqual([]);
  });
});
