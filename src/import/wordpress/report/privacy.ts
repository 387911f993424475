/**
 * Last line of defence for what the report prints: ids, codes, paths and addresses only.
 * The report's input types already carry nothing else; these checks make sure a mistake
 * upstream (an email in a finding's detail, a commenter's IP in a URL) cannot leak through.
 */

const EMAIL = /[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[a-z]{2,}/gi;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
// Two or more hex groups around a "::", or a full eight-group form: IPv6 without matching "12:30".
const IPV6 =
  /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|\b(?:[0-9a-f]{1,4}:)+:(?:[0-9a-f]{1,4}:?)*\b|::(?:[0-9a-f]{1,4}:?)+/gi;

/** Placeholder for anything that looked like an email or IP address. */
export const REDACTED = '[redacted]';

/** The text with every email- or IP-looking part replaced by REDACTED. */
export const scrub = (text: string): string =>
  text.replace(EMAIL, REDACTED).replace(IPV4, REDACTED).replace(IPV6, REDACTED);

/** Query parameters that are a WordPress address (`/?p=12`), not data someone typed. */
const ADDRESS_PARAMS = new Set(['p', 'page_id', 'cat', 'tag', 'attachment_id']);

/**
 * An old address as the report shows it: scheme, host and path, plus WordPress's own
 * address parameters; user info, other query parameters and the fragment dropped.
 * Something that is not a URL is kept only as a scrubbed path.
 */
export function safeAddress(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return scrub(address.split(/[?#]/)[0] ?? '');
  }
  const kept = [...url.searchParams].filter(([key]) => ADDRESS_PARAMS.has(key));
  const query = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  return scrub(`${url.protocol}//${url.host}${url.pathname}${query}`);
}
