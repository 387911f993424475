/**
 * The security headers of every response: static files (written to dist/_headers at
 * build time) and the callback function's own answers, from this one list.
 */

/** Headers that are the same on every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': [
    'accelerometer=()',
    'browsing-topics=()',
    'camera=()',
    'display-capture=()',
    'geolocation=()',
    'gyroscope=()',
    'interest-cohort=()',
    'magnetometer=()',
    'microphone=()',
    'payment=()',
    'usb=()',
  ].join(', '),
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * CSP directives besides script-src and style-src, which Astro fills with the hashes of
 * what it bundles. frame-ancestors cannot be delivered in a <meta> tag, so it is only in
 * HEADER_ONLY_DIRECTIVES and goes out as a header.
 */
export const CSP_DIRECTIVES = [
  // Nothing is allowed unless named below: the strictest base, and Observatory's top mark.
  "default-src 'none'",
  "img-src 'self' data:",
  // The form's enhancement posts to /api/callback.
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
  'upgrade-insecure-requests',
] as const;
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/** Parses "a x y; b z" into { a: ['x', 'y'], b: ['z'] }. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * One policy that allows what every page's own policy allows: the union of the sources
 * of each directive. Pages share their styles and the one form script, so the union
 * stays a handful of hashes however many pages there are.
 */
export function unionCsp(policies: string[], extra: readonly string[] = HEADER_ONLY_DIRECTIVES): string {
  const merged = new Map<string, Set<string>>();
  for (const policy of [...policies, ...extra]) {
    for (const [name, sources] of parseCsp(policy)) {
      const set = merged.get(name) ?? new Set<string>();
      for (const source of sources) set.add(source);
      merged.set(name, set);
    }
  }
  return [...merged].map(([name, sources]) => [name, ...[...sources].sort()].join(' ')).join('; ');
}

/** HTML revalidates on every visit (a cheap 304 when unchanged), so a deploy is seen at once. */
export const HTML_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/**
 * Cache rules for built pages, one per section of the site ("/", "/articles/*",
 * "/privacy/*", "/404.html"), from the pages' files in dist/ ("articles/x/index.html"): a
 * new page is covered without editing netlify.toml. Never a "/*" rule: every rule matching
 * a path applies on Netlify, and "/*" would give the immutable /_astro/ files a second
 * Cache-Control.
 */
export function htmlCacheRules(
  pageFiles: readonly string[],
): { path: string; headers: Record<string, string> }[] {
  const patterns = new Set<string>();
  for (const file of pageFiles) {
    const [first, ...rest] = file.replace(/\\/g, '/').replace(/^\/+/, '').split('/');
    if (rest.length > 0) patterns.add(`/${first}/*`);
    else patterns.add(first === 'index.html' ? '/' : `/${first}`);
  }
  return [...patterns].sort().map((path) => ({ path, headers: { 'Cache-Control': HTML_CACHE_CONTROL } }));
}

/** A Netlify `_headers` file: the path pattern, then indented `Name: value` lines. */
export function headersFile(rules: { path: string; headers: Record<string, string> }[]): string {
  return rules
    .map(({ path, headers }) => [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n'))
    .join('\n\n')
    .concat('\n');
}
