/**
 * Old addresses (WordPress-style) compiled into Netlify's `_redirects` as permanent
 * redirects. A redirect must lead to a page this build produced, so a renamed or deleted
 * page fails the build instead of sending visitors from search results to a 404.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface LegacyRedirect {
  /** The old path, e.g. "/blog/iop-vs-outpatient/". Netlify matches it with or without the trailing slash. */
  from: `/${string}`;
  /** The page on this site that replaces it, e.g. "/articles/iop-vs-outpatient/" (use src/lib/urls.ts). */
  to: string;
  /**
   * Only when the request has these query parameters, e.g. `{ p: '123' }` for WordPress's
   * `/?p=123`. Such a rule is forced (`301!`): its path is usually a page of its own.
   */
  query?: Readonly<Record<string, string>>;
}

/**
 * Redirects a tool wrote as JSON (the WordPress importer's `src/legacy-urls.wordpress.json`),
 * or none when the file does not exist. The build's checks below apply to them as to any.
 */
export function readRedirectFile(file: URL): LegacyRedirect[] {
  if (!existsSync(file)) return [];
  const where = fileURLToPath(file);
  const list: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const isRedirect = (r: unknown): r is LegacyRedirect =>
    typeof r === 'object' &&
    r !== null &&
    typeof (r as LegacyRedirect).from === 'string' &&
    typeof (r as LegacyRedirect).to === 'string';
  if (!Array.isArray(list) || !list.every(isRedirect))
    throw new Error(`${where}: expected a JSON list of { "from": "/old/", "to": "/new/" } objects.`);
  return list;
}

const QUERY_PART = /^[\w.-]+$/;
/** The old address as a person reads it: the path, plus its query when it has one. */
const shown = ({ from, query }: LegacyRedirect) =>
  from +
  (query
    ? `?${Object.entries(query)
        .map(([k, v]) => `${k}=${v}`)
        .join('&')}`
    : '');
/** One key per distinct rule: Netlify matches a path with or without its trailing slash. */
const ruleKey = (redirect: LegacyRedirect) => shown(redirect).replace(/\/(?=\?|$)/, '');

/**
 * @param files every file of the build, as URL paths ("/articles/index.html", "/rss.xml")
 */
export function redirectProblems(redirects: readonly LegacyRedirect[], files: Set<string>): string[] {
  const problems: string[] = [];
  const isBuilt = (path: string) => (path.endsWith('/') ? files.has(`${path}index.html`) : files.has(path));
  const froms = new Set<string>();
  for (const redirect of redirects) {
    const { from, to, query } = redirect;
    const at = `src/legacy-urls.ts: "${shown(redirect)}" -> "${to}"`;
    if (!/^\/[^\s*:?#]*$/.test(from))
      problems.push(`${at}: the old path must be a plain path (no spaces, * : ? #).`);
    if (!/^\/[^\s*:?#]*$/.test(to)) problems.push(`${at}: the new path must be a plain path on this site.`);
    if (query && !Object.entries(query).every(([k, v]) => QUERY_PART.test(k) && QUERY_PART.test(v)))
      problems.push(`${at}: query parameters must be plain names and values (letters, digits, - _ .).`);
    if (froms.has(ruleKey(redirect))) problems.push(`${at}: "${shown(redirect)}" is redirected twice.`);
    froms.add(ruleKey(redirect));
    if (ruleKey(redirect) === to.replace(/\/$/, '')) problems.push(`${at}: redirects to itself.`);
    if (!query && isBuilt(from.endsWith('/') || from.includes('.') ? from : `${from}/`)) {
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
  return redirects.map(({ from, to, query }) =>
    query
      ? `${from} ${Object.entries(query)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')} ${to} 301!`
      : `${from} ${to} 301`,
  );
}
