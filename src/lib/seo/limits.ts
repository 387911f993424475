/**
 * The head's text rules in one place, shared by SeoHead, the build guards and the tests:
 * a page title is at most 60 characters before the " | site" suffix, a description 70-160.
 */
export const TITLE_MAX = 60;
export const DESCRIPTION_MIN = 70;
export const DESCRIPTION_MAX = 160;

/** The `<title>`: the home page's own title, every other page's title plus the site name. */
export function documentTitle(title: string, path: string, siteName: string): string {
  return path === '/' ? title : `${title} | ${siteName}`;
}

/** The page's own title inside a `<title>`, without the site suffix. */
export function pageTitle(fullTitle: string, siteName: string): string {
  const suffix = ` | ${siteName}`;
  return fullTitle.endsWith(suffix) ? fullTitle.slice(0, -suffix.length) : fullTitle;
}

/** What is wrong with a title or description, or nothing. */
export function titleProblem(title: string | undefined): string | undefined {
  if (!title?.trim()) return 'has no <title>';
  if (title.length > TITLE_MAX) {
    return `title "${title}" is ${title.length} characters; keep it to ${TITLE_MAX} before the site name`;
  }
  return undefined;
}

export function descriptionProblem(description: string | undefined): string | undefined {
  if (!description?.trim()) return 'has no meta description';
  const n = description.length;
  if (n < DESCRIPTION_MIN || n > DESCRIPTION_MAX) {
    return `meta description is ${n} characters; it must be ${DESCRIPTION_MIN}-${DESCRIPTION_MAX}: "${description}"`;
  }
  return undefined;
}
