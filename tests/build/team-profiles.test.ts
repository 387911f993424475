/**
 * Clinician profiles: a fixture site adds a made-up clinician (a person, MD, allowed to
 * review) and an article they reviewed. Their profile builds and lists the article, the
 * article's review line links to the profile, and both pages' JSON-LD name the same Person
 * `@id`. The shipped content has no person entry, so it names nobody (tests/dist).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { teamFixtureFiles } from '../support/team-fixture.ts';

let fixture: FixtureSite | undefined;
const html = (path: string) => readFile(join(fixture!.root, 'dist', path, 'index.html'), 'utf8');
const page = async (path: string) => load(await html(path));
const graphOf = async (path: string) => {
  const $ = await page(path);
  return JSON.parse($('script[type="application/ld+json"]').text()) as {
    '@graph': Record<string, unknown>[];
  };
};

beforeAll(async () => {
  fixture = await createFixtureSite(teamFixtureFiles);
  const { code, output } = await fixture.build();
  expect(code, output).toBe(0);
}, 180_000);
afterAll(() => fixture?.remove());

describe('a clinician profile', () => {
  it('shows the name with credentials, role, licence, photo and the articles they reviewed', async () => {
    const $ = await page('/team/test-clinician/');
    expect($('h1').text()).toBe('Test Clinician, MD');
    const main = $('main').text().replace(/\s+/g, ' ');
    expect(main).toContain('Test psychiatrist');
    expect(main).toContain('Physician and Surgeon, CA, number TEST-0001');
    expect($('main img').attr('alt')).toBe('Placeholder portrait of the test clinician');
    expect($('main section[aria-labelledby="reviewed"] a[href="/articles/profile-fixture/"]').length).toBe(1);
  });

  it("is what the article's review line links to", async () => {
    const $ = await page('/articles/profile-fixture/');
    const review = $('.byline .review');
    expect(review.find('a[href="/team/test-clinician/"]').text()).toContain('Test Clinician, MD');
    // The author is a role: no page, so no link.
    expect($('.byline a[href^="/team/"]').length).toBe(1);
  });

  it("names the same Person @id in the profile's JSON-LD and the article's reviewedBy", async () => {
    const profile = await graphOf('/team/test-clinician/');
    const profilePage = profile['@graph'].find((n) => n['@type'] === 'ProfilePage')!;
    const person = profile['@graph'].find((n) => n['@type'] === 'Person')!;
    expect(profilePage['mainEntity']).toEqual({ '@id': person['@id'] });
    expect(person).toMatchObject({
      jobTitle: 'Test psychiatrist',
      url: expect.stringMatching(/\/team\/test-clinician\/$/),
    });
    expect(person['hasCredential']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'MD' }),
        expect.objectContaining({ identifier: 'TEST-0001' }),
      ]),
    );
    const articleGraph = await graphOf('/articles/profile-fixture/');
    const webpage = articleGraph['@graph'].find((n) => n['@type'] === 'MedicalWebPage')!;
    expect(webpage['reviewedBy']).toEqual({ '@id': person['@id'] });
  });

  it('is listed on /team/, which is then indexable and in the sitemap with the profile', async () => {
    const $ = await page('/team/');
    expect($('main a[href="/team/test-clinician/"]').length).toBe(1);
    expect($('meta[name="robots"]').length).toBe(0);
    const sitemap = await readFile(join(fixture!.root, 'dist', 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toMatch(/\/team\/<\/loc>/);
    expect(sitemap).toMatch(/\/team\/test-clinician\/<\/loc>/);
    // Every page's footer links /team/ once it names someone.
    expect((await page('/'))('footer a[href="/team/"]').text()).toBe('Our clinical team');
  });

  it('is not built for a role', async () => {
    await expect(html('/team/clinical-review-team/')).rejects.toThrow();
    await expect(html('/team/editorial-team/')).rejects.toThrow();
  });
});
