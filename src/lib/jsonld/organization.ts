import type { MedicalClinic, MedicalOrganization, PostalAddress, WebSite } from 'schema-dts';
import type { Location } from '../../site.config.ts';
import { keyOf, ref, siteIds } from './ids.ts';
import { openingHoursSpecification } from './opening-hours.ts';
import { medicalSpecialty } from './specialties.ts';
import type { ImageInput, SiteInput } from './types.ts';

export function postalAddress(location: Location): PostalAddress {
  return {
    '@type': 'PostalAddress',
    streetAddress: location.streetAddress,
    addressLocality: location.addressLocality,
    addressRegion: location.addressRegion,
    postalCode: location.postalCode,
    addressCountry: location.addressCountry,
  };
}

/**
 * The center as a whole (`#organization`), and one `MedicalClinic` per place where care
 * happens: opening hours belong to places, so they sit on the clinics (and on the
 * admissions contact point), not on the organization.
 */
export function organizationNodes(
  site: SiteInput,
  logo?: ImageInput,
): (MedicalOrganization | MedicalClinic)[] {
  const ids = siteIds(site.url);
  const telephone = site.admissions.phone.e164;
  const specialties = site.medicalSpecialties.map(medicalSpecialty);
  const addresses = site.locations.map(postalAddress);
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
    ...(site.locations.length > 0 && {
      subOrganization: site.locations.map((l) => ref(ids.location(keyOf(l.name)))),
    }),
  };
  const clinics: MedicalClinic[] = site.locations.map((location) => ({
    '@type': 'MedicalClinic',
    '@id': ids.location(keyOf(location.name)),
    name: `${site.name}, ${location.name}`,
    url: `${site.url}/`,
    telephone,
    address: postalAddress(location),
    openingHours: site.admissions.openingHours,
    medicalSpecialty: specialties,
    isAcceptingNewPatients: site.acceptingNewPatients,
    parentOrganization: ref(ids.organization),
  }));
  return [organization, ...clinics];
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
