/**
 * US phone numbers, parsed with libphonenumber's metadata rather than a pattern, so area
 * codes and exchanges that do not exist are refused before admissions dials them.
 * The `min` metadata is the smallest set that still validates numbers.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** The US and the territories that share its numbering plan and are part of the US. */
const US_REGIONS: ReadonlySet<string> = new Set(['US', 'PR', 'VI', 'GU', 'AS', 'MP']);

export type PhoneResult = { ok: true; e164: string } | { ok: false; problem: 'invalid' | 'extension' };

export function parseUsPhone(raw: string): PhoneResult {
  const parsed = parsePhoneNumberFromString(raw, 'US');
  if (!parsed || !parsed.isValid() || !parsed.country || !US_REGIONS.has(parsed.country)) {
    return { ok: false, problem: 'invalid' };
  }
  // E.164 has no room for an extension; dropping it silently could put a health matter
  // through a shared switchboard, so we ask for a direct number instead.
  if (parsed.ext) return { ok: false, problem: 'extension' };
  return { ok: true, e164: parsed.number };
}
