/**
 * One normal form for the paths of the old WordPress site, shared by the redirect planner
 * and the link rewriter, so "is this the same address?" has one answer everywhere. Pure.
 *
 * The normal form is UTF-8 percent-encoding with UPPER-CASE hex (RFC 3986 §6.2.2.1), every
 * character outside the unreserved set and the path-safe sub-delimiters encoded. Why:
 * - WordPress writes the same slug three ways: raw UTF-8 in a `<link>`, lower-case
 *   `%ce%b1` in `post_name` and `_wp_old_slug`, and whatever an author pasted into a post;
 *   decoding each segment first and encoding it again makes all three compare equal.
 * - Netlify compares the rule's path with the request path as written in `_redirects`, case
 *   sensitively, and its documentation asks for "special characters in paths url-encoded",
 *   its own example being `/authors/c%C3%A9line` (upper-case hex). That is also what a
 *   browser puts on the wire for a link written in raw UTF-8 (the WHATWG URL serializer).
 * - The build rejects from-paths with spaces, `*`, `:`, `?` or `#` (src/lib/seo/redirects.ts):
 *   in this form they can only appear encoded (`%20`, `%2A`, `%3A`, `%3F`, `%23`).
 */

// Unreserved characters and the sub-delimiters a path segment may hold unencoded, minus
// `*` and `:` which the build's redirect rule refuses.
const SAFE = /[A-Za-z0-9\-._~!$&'()+,;=@]/;

/** Decodes what percent-encoding in one segment is valid UTF-8; leaves a stray `%` as a literal. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // Not valid UTF-8 as a whole: decode the valid runs one by one, keep the rest as typed.
    return segment.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

function encodeSegment(text: string): string {
  let out = '';
  for (const char of text) {
    if (SAFE.test(char)) out += char;
    else
      for (const byte of new TextEncoder().encode(char))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** One path segment (e.g. a slug, raw or percent-encoded) in the normal form. */
export const normaliseSegment = (segment: string): string => encodeSegment(decodeSegment(segment));

/**
 * A URL path (starting with `/`) in the normal form: each segment decoded then encoded with
 * upper-case hex; slashes, including a trailing one, stay as they are; `.` and `..` segments
 * are resolved away so no path climbs out of the site.
 */
export function normalisePath(path: string): `/${string}` {
  const segments = path.split('/').slice(1);
  const out: string[] = [];
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    const decoded = decodeSegment(segment);
    if (decoded === '.') {
      if (last) out.push('');
    } else if (decoded === '..') {
      out.pop();
      if (last) out.push('');
    } else out.push(encodeSegment(decoded));
  });
  return `/${out.join('/')}`;
}

/** The path without its trailing slash: the build and Netlify treat `/a` and `/a/` as one address. */
export const pathKey = (path: string): string => (path.length > 1 ? path.replace(/\/+$/, '') : path);

/** A URL split into the parts we compare, or null when it is not a web address. */
export interface UrlParts {
  /** Lower-case host without `www.`, or null for a root-relative URL. */
  host: string | null;
  /** The path in the normal form. */
  path: `/${string}`;
  /** Raw query parameters, in order. */
  query: URLSearchParams;
  /** The fragment with its `#`, or ''. */
  hash: string;
}

const bareHost = (host: string) => host.toLowerCase().replace(/^www\./, '');

/** Splits an absolute http(s) URL, a protocol-relative one or a root-relative path. */
export function urlParts(href: string): UrlParts | null {
  const text = href.trim();
  const absolute = /^(?:https?:)?\/\//i.test(text);
  if (!absolute && !text.startsWith('/')) return null;
  let url: URL;
  try {
    url = new URL(text, 'http://relative.invalid');
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return {
    host: absolute ? bareHost(url.hostname) : null,
    path: normalisePath(url.pathname),
    query: url.searchParams,
    hash: url.hash,
  };
}

/** The host (no `www.`, lower-case) and path (normal form, no trailing slash) of a site URL. */
export function siteRoot(siteUrl: string): { host: string; path: string } | null {
  const parts = urlParts(siteUrl);
  if (!parts || parts.host === null) return null;
  return { host: parts.host, path: parts.path === '/' ? '' : pathKey(parts.path) };
}
