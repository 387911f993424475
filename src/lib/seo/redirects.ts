/**
 * Old addresses (WordPress-style) compiled into Netlify's `_redirects` as permanent
 * redirects. A redirect must lead to a page this build produced, so a renamed or deleted
 * page fails the build instead of sending visitors from search results to a 404.
 */
export interface LegacyRedirect {
  /** The old path, e.g. "/blog/iop-vs-outpatient/". Netlify matches it with or without the trailing slash. */
  from: `/${string}`;
  /** The page on this site that replaces it, e.g. "/articles/iop-vs-outpatient/" (use src/lib/urls.ts). */
  to: string;
}

/**
 * @param files every file of the build, as URL paths ("/articles/index.html", "/rss.xml")
 */
export function redirectProblems(redirects: readonly LegacyRedirect[], files: Set<string>): string[] {
  const problems: string[] = [];
  const isBuilt = (path: string) => (path.endsWith('/') ? files.has(`${path}index.html`) : files.has(path));
  const froms = new Set<string>();
  for (const { from, to } of redirects) {
    const at = `src/legacy-urls.ts: "${from}" -> "${to}"`;
    if (!/^\/[^\s*:?#]*$/.test(from))
      problems.push(`${at}: the old path must be a plain path (no spaces, * : ? #).`);
    if (!/^\/[^\s*:?#]*$/.test(to)) problems.push(`${at}: the new path must be a plain path on this site.`);
    if (froms.has(from.replace(/\/$/, ''))) problems.push(`${at}: "${from}" is redirected twice.`);
    froms.add(from.replace(/\/$/, ''));
    if (from.replace(/\/$/, '') === to.replace(/\/$/, '')) problems.push(`${at}: redirects to itself.`);
    if (isBuilt(from.endsWith('/') || from.includes('.') ? from : `${from}/`)) {
      problems.push(`${at}: a page is built at "${from}", so the redirect would never apply; remove one.`);
    }
    if (!isBuilt(to)) problems.push(`${at}: no page is built at "${to}"; point it at a page that exists.`);
  }
  for (const { from, to } of redirects) {
    const self = from.replace(/\/$/, '') === to.replace(/\/$/, '');
    if (!self && froms.has(to.replace(/\/$/, '')))
      problems.push(
        `src/legacy-urls.ts: "${from}" -> "${to}": "${to}" is itself redirected; point at the final page.`,
      );
  }
  return problems;
}

export function redirectLines(redirects: readonly LegacyRedirect[]): string[] {
  return redirects.map(({ from, to }) => `${from} ${to} 301`);
}
