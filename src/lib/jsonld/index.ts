// Typed (schema-dts), pure builders of the site's JSON-LD. See page.ts for how a page's graph is put together.
export { articleJsonLd } from './article.ts';
export { absolute, pageIds, siteIds } from './ids.ts';
export { pageGraph, serializeJsonLd, type PageJsonLd, type PageType } from './page.ts';
export { profileJsonLd, profileUrlOf } from './people.ts';
export { programJsonLd } from './program.ts';
export { locationJsonLd } from './location.ts';
export { clinicNode } from './organization.ts';
export type { CrumbInput, ImageInput, LocationInput, SiteInput } from './types.ts';
