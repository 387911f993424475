import type { MedicalClinic, MedicalOrganization, PostalAddress, WebSite } from 'schema-dts';
import { directionsUrl, type Address } from '../locations.ts';
import { absolute, ref, siteIds } from './ids.ts';
import { openingHoursSpecification, weekSpecification } from './opening-hours.ts';
import { medicalSpecialty } from './specialties.ts';
import type { LocationInput, SiteGraphInput, SiteInput } from './types.ts';

export function postalAddress(location: Address): PostalAddress {
  return {
    '@type': 'PostalAddress',
    streetAddress: location.streetAddress,
    addressLocality: location.addressLocality,
    addressRegion: location.addressRegion,
    postalCode: location.postalCode,
    addressCountry: 'US',
  };
}

/** One place where care happens, as a clinic of the center with its own page, phone and hours. */
export function clinicNode(site: SiteInput, location: LocationInput): MedicalClinic {
  const ids = siteIds(site.url);
  return {
    '@type': 'MedicalClinic',
    '@id': ids.location(location.slug),
    name: `${site.name}, ${location.name}`,
    url: absolute(site.url, location.url),
    telephone: location.phone.e164,
    address: postalAddress(location),
    geo: { '@type': 'GeoCoordinates', latitude: location.geo.latitude, longitude: location.geo.longitude },
    hasMap: directionsUrl(location),
    openingHoursSpecification: weekSpecification(location.hours),
    medicalSpecialty: site.medicalSpecialties.map(medicalSpecialty),
    isAcceptingNewPatients: site.acceptingNewPatients,
    parentOrganization: ref(ids.organization),
  };
}

/**
 * The center as a whole (`#organization`), and one `MedicalClinic` per place where care
 * happens: opening hours belong to places, so they sit on the clinics (and on the
 * admissions contact point), not on the organization.
 */
export function organizationNodes(
  site: SiteInput,
  { logo, locations = [] }: SiteGraphInput = {},
): (MedicalOrganization | MedicalClinic)[] {
  const ids = siteIds(site.url);
  const telephone = site.admissions.phone.e164;
  const specialties = site.medicalSpecialties.map(medicalSpecialty);
  const addresses = locations.map(postalAddress);
  const organization: MedicalOrganization = {
    '@type': 'MedicalOrganization',
    '@id': ids.organization,
    name: site.name,
    url: `${site.url}/`,
    description: site.tagline,
    telephone,
    email: site.admissions.email,
    ...(addresses.length > 0 && { address: addresses.length === 1 ? addresses[0] : addresses }),
    medicalSpecialty: specialties,
    isAcceptingNewPatients: site.acceptingNewPatients,
    ...(logo && { logo: ref(ids.logo), image: ref(ids.logo) }),
    contactPoint: {
      '@type': 'ContactPoint',
      contactType: 'admissions',
      telephone,
      email: site.admissions.email,
      areaServed: 'US',
      availableLanguage: 'English',
      hoursAvailable: site.admissions.openingHours.map(openingHoursSpecification),
    },
    ...(locations.length > 0 && { subOrganization: locations.map((l) => ref(ids.location(l.slug))) }),
  };
  return [organization, ...locations.map((l) => clinicNode(site, l))];
}

export function websiteNode(site: SiteInput): WebSite {
  const ids = siteIds(site.url);
  return {
    '@type': 'WebSite',
    '@id': ids.website,
    url: `${site.url}/`,
    name: site.name,
    description: site.tagline,
    inLanguage: site.lang,
    publisher: ref(ids.organization),
  };
}
