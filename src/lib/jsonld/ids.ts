/**
 * Stable `@id`s. Site-wide nodes hang off the origin (`https://…/#organization`), page
 * nodes off the page's canonical URL (`https://…/articles/x/#webpage`), so every page's
 * graph names the same organization the same way and search engines can join them.
 */
export function siteIds(origin: string) {
  return {
    organization: `${origin}/#organization`,
    website: `${origin}/#website`,
    logo: `${origin}/#logo`,
    /** A place where care happens, by its file name in src/content/locations, e.g. `#location-main-campus`. */
    location: (key: string) => `${origin}/#location-${key}`,
    /** An author or reviewer, by their entry id in `src/content/people`. */
    person: (id: string) => `${origin}/#people-${id}`,
  };
}

export function pageIds(pageUrl: string) {
  return {
    webpage: `${pageUrl}#webpage`,
    article: `${pageUrl}#article`,
    breadcrumb: `${pageUrl}#breadcrumb`,
    primaryImage: `${pageUrl}#primaryimage`,
    therapy: `${pageUrl}#therapy`,
  };
}

/** `{ '@id': … }`: a reference to a node elsewhere in the same graph. */
export const ref = (id: string) => ({ '@id': id });

/** An absolute URL on the site from a root-relative path. */
export function absolute(origin: string, path: string): string {
  return new URL(path, `${origin}/`).href;
}
