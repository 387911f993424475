import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { site } from '../../src/site.config.ts';
import { builtSitePages, distDir, type BuiltPage } from '../support/dist.ts';
import { locationFiles } from '../support/locations.ts';

// The location pages as built, checked against the location files themselves: what a
// person needs to get there (address, tap-to-call, hours, programs, directions) and what
// map results read (the MedicalClinic node). Expectations are written out here, not
// imported from src/lib/locations.ts, so a wrong rule there cannot pass itself.
const pages = builtSitePages();
const page = (path: string) => pages.find((p) => p.path === path);
const graphOf = (p: BuiltPage) =>
  JSON.parse(p.$('script[type="application/ld+json"]').text())['@graph'] as Record<string, unknown>[];
const sitemap = readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8');
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const capital = (day: string) => day[0]!.toUpperCase() + day.slice(1);

describe('/locations/', () => {
  const list = page('/locations/')!;

  it('links every location, is in the sitemap and in every footer', () => {
    expect(list).toBeDefined();
    expect(sitemap).toContain(`<loc>${site.url}/locations/</loc>`);
    for (const l of locationFiles) {
      expect(list.$(`main a[href="/locations/${l.slug}/"]`).text()).toBe(l.name);
      for (const p of pages.filter((p) => p.path !== '/404'))
        expect(p.$(`footer a[href="/locations/${l.slug}/"]`), p.path).toHaveLength(1);
    }
  });

  it('is linked from the home page', () => {
    for (const l of locationFiles) expect(page('/')!.$(`main a[href="/locations/${l.slug}/"]`)).toHaveLength(1);
  });
});

describe.each(locationFiles.map((l) => [l.slug, l] as const))('/locations/%s/', (slug, location) => {
  const path = `/locations/${slug}/`;
  const built = page(path)!;
  const $ = built?.$;
  const clinicId = `${site.url}/#location-${slug}`;

  it('is built and in the sitemap', () => {
    expect(built).toBeDefined();
    expect(sitemap).toContain(`<loc>${site.url}${path}</loc>`);
    expect($('h1').text()).toBe(location.name);
  });

  it('gives the address, a tap-to-call link and directions as a plain link', () => {
    const address = $('main address').text().replace(/\s+/g, ' ');
    for (const part of [location.streetAddress, location.addressLocality, location.addressRegion, location.postalCode])
      expect(address).toContain(part);
    expect($(`main a[href="tel:${location.phone.e164}"]`).text()).toContain(location.phone.display);
    const directions = new URL($('main a:contains("Directions")').attr('href') ?? '');
    expect(directions.origin + directions.pathname).toBe('https://www.google.com/maps/dir/');
    expect(directions.searchParams.get('destination')).toBe(
      `${location.streetAddress}, ${location.addressLocality}, ${location.addressRegion} ${location.postalCode}`,
    );
    // Nothing from the map service is loaded with the page.
    expect($('iframe, img[src^="http"], script[src^="http"]')).toHaveLength(0);
  });

  it('lists the hours of every day, closed days as closed', () => {
    const rows = $('table.hours tbody tr').toArray().map((tr) => [$(tr).find('th').text(), $(tr).find('td').text()]);
    expect(rows.map(([day]) => day)).toEqual(DAYS.map(capital));
    DAYS.forEach((day, i) => {
      const hours = location.hours[day];
      if (!hours) expect(rows[i]![1]).toBe('Closed');
      else {
        const times = $('table.hours tbody tr').eq(i).find('time').map((_, t) => $(t).attr('datetime')).get();
        expect(times).toEqual([hours.opens, hours.closes]);
      }
    });
    if (location.hoursNote) expect($('main').text()).toContain(location.hoursNote);
  });

  it('links each program offered there, and each program page links back', () => {
    for (const program of location.programs) {
      expect($(`main a[href="/programs/${program}/"]`).length, program).toBeGreaterThan(0);
      expect(page(`/programs/${program}/`)!.$(`main a[href="${path}"]`), program).toHaveLength(1);
    }
  });

  it('says whether telehealth is offered, and how to get there', () => {
    expect($('main').text()).toContain(location.telehealth ? 'secure video' : 'not offered');
    for (const note of [location.parking, location.transit].filter(Boolean)) expect($('main dd').text()).toContain(note);
  });

  it('is a page about its MedicalClinic, with the facts of the file', () => {
    const graph = graphOf(built);
    const webpage = graph.find((n) => n['@id'] === `${site.url}${path}#webpage`);
    expect(webpage).toMatchObject({ mainEntity: { '@id': clinicId }, about: { '@id': clinicId } });
    const clinic = graph.find((n) => n['@id'] === clinicId);
    expect(clinic).toMatchObject({
      '@type': 'MedicalClinic',
      url: `${site.url}${path}`,
      telephone: location.phone.e164,
      address: {
        '@type': 'PostalAddress',
        streetAddress: location.streetAddress,
        addressLocality: location.addressLocality,
        addressRegion: location.addressRegion,
        postalCode: location.postalCode,
        addressCountry: 'US',
      },
      geo: { '@type': 'GeoCoordinates', ...location.geo },
      isAcceptingNewPatients: site.acceptingNewPatients,
      parentOrganization: { '@id': `${site.url}/#organization` },
    });
    const specs = clinic!['openingHoursSpecification'] as { dayOfWeek: string[]; opens: string; closes: string }[];
    const open = DAYS.filter((day) => location.hours[day]);
    expect(specs.flatMap((s) => s.dayOfWeek).sort()).toEqual(open.map((d) => `https://schema.org/${capital(d)}`).sort());
    for (const spec of specs)
      for (const day of spec.dayOfWeek) {
        const hours = location.hours[day.replace('https://schema.org/', '').toLowerCase()];
        expect({ opens: spec.opens, closes: spec.closes }).toEqual(hours);
      }
    expect(clinic!['medicalSpecialty']).toHaveLength(site.medicalSpecialties.length);
  });

  it("is one of the organization's locations on every page", () => {
    for (const p of [page('/')!, built]) {
      const org = graphOf(p).find((n) => n['@id'] === `${site.url}/#organization`)!;
      expect(org['subOrganization']).toContainEqual({ '@id': clinicId });
      const addresses = [org['address']].flat() as { streetAddress: string }[];
      expect(addresses.map((a) => a.streetAddress)).toContain(location.streetAddress);
    }
  });
});

describe('the main location', () => {
  it('is the admissions line every "call" link dials, written once', () => {
    const main = locationFiles.find((l) => l.slug === 'main-campus')!;
    expect(site.admissions.phone).toEqual(main.phone);
    const source = readFileSync(new URL('../../src/site.config.ts', import.meta.url), 'utf8');
    expect(source).not.toContain(`'${main.phone.e164}'`);
  });
});
