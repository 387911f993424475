import { ref, siteIds } from './ids.ts';
import type { PageJsonLd } from './page.ts';
import type { LocationInput, SiteInput } from './types.ts';

/**
 * A location page is about its `MedicalClinic`, which every page's graph already holds
 * (see organization.ts): the page points at it instead of repeating it.
 */
export function locationJsonLd(site: SiteInput, location: Pick<LocationInput, 'slug'>): PageJsonLd {
  const id = siteIds(site.url).location(location.slug);
  return { type: 'WebPage', webPage: { mainEntity: ref(id), about: ref(id) } };
}
