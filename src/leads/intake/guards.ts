/**
 * Checks made from the request line and headers alone, before a byte of body is read.
 */

export type BodyKind = 'form' | 'json';

export function isPost(method: string): boolean {
  return method.toUpperCase() === 'POST';
}

/**
 * A post another site made a visitor's browser send. Browsers set `Sec-Fetch-Site` and
 * `Origin` themselves (scripts cannot), so either marks a cross-site request; a request
 * with neither (curl, old browsers) is not a browser being tricked and goes on.
 */
export function isCrossSite(headers: Headers, requestUrl: string): boolean {
  const fetchSite = headers.get('sec-fetch-site')?.trim().toLowerCase();
  if (fetchSite === 'cross-site') return true;
  const origin = headers.get('origin')?.trim();
  if (origin === undefined) return false;
  // Browsers send "null" for posts from pages with `Referrer-Policy: no-referrer`, sandboxed
  // frames and some redirects. Only the browser's own same-origin marker clears it.
  if (origin === 'null') return fetchSite !== 'same-origin';
  try {
    return new URL(origin).origin !== new URL(requestUrl).origin;
  } catch {
    return true;
  }
}

/** The body format from `Content-Type`, or null when we do not accept it (415). */
export function bodyKind(contentType: string | null): BodyKind | null {
  if (contentType === null) return null;
  const [type = '', ...params] = contentType.split(';').map((part) => part.trim().toLowerCase());
  // Both formats are UTF-8 by definition; a different declared charset would decode wrongly.
  for (const param of params) {
    const [key, value = ''] = param.split('=').map((part) => part.trim());
    if (key === 'charset' && value.replace(/^"|"$/g, '') !== 'utf-8') return null;
  }
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type === 'application/json') return 'json';
  return null;
}
