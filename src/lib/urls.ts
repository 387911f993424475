// One place for URL shapes, so links, canonicals, sitemaps and redirects agree.
// Every URL ends in a slash, matching `trailingSlash: 'always'` in astro.config.mjs.
export const articleUrl = (slug: string) => `/articles/${slug}/`;
export const articlesPageUrl = (page: number) => (page <= 1 ? '/articles/' : `/articles/${page}/`);
export const programUrl = (slug: string) => `/programs/${slug}/`;
export const topicUrl = (slug: string, page = 1) =>
  page <= 1 ? `/topics/${slug}/` : `/topics/${slug}/${page}/`;
export const pageUrl = (slug: string) => `/${slug}/`;
export const teamUrl = '/team/';
/** A clinician's profile; only `people` entries of kind person have one. */
export const personUrl = (slug: string) => `/team/${slug}/`;
export const locationsUrl = '/locations/';
/** One place where care happens, from its file in src/content/locations. */
export const locationUrl = (slug: string) => `/locations/${slug}/`;
