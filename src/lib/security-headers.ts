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

/** A Netlify `_headers` file: the path pattern, then indented `Name: value` lines. */
export function headersFile(rules: { path: string; headers: Record<string, string> }[]): string {
  return rules
    .map(({ path, headers }) => [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n'))
    .join('\n\n')
    .concat('\n');
}
