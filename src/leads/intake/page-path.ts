/**
 * The path of the page a form was sent from: from the hidden `page` field, else from a
 * same-origin Referer. Only the path survives: a query string or fragment could carry
 * anything, and another site's address is not ours to record.
 */
import { LIMITS } from '../../callback/fields.ts';
import { hasControlCharacters } from '../../callback/text.ts';

/** A path on `origin`, or null. `candidate` may be a path or a full URL. */
export function sameOriginPath(candidate: string | null | undefined, origin: string): string | null {
  if (!candidate) return null;
  let url: URL;
  try {
    url = new URL(candidate, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  const path = url.pathname;
  if (path.length > LIMITS.pageMax || hasControlCharacters(path)) return null;
  return path;
}

export function formPagePath(
  pageField: string | undefined,
  referer: string | null,
  origin: string,
): string | null {
  return sameOriginPath(pageField, origin) ?? sameOriginPath(referer, origin);
}
