/**
 * Licences and accreditations are trust claims: one that has run out must not be shown as
 * current, so the build fails with the setting to fix instead.
 */
import type { Accreditation } from '../site.config.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Problems with a list of accreditations or licences on `today` (a YYYY-MM-DD day).
 * `where` names the list in messages: the setting, or the location file it is written in.
 */
export function accreditationProblems(
  list: readonly Accreditation[],
  today: string,
  where = 'site.accreditations',
): string[] {
  return list.flatMap((a, i) => {
    const at = `${where}[${i}] (${a.issuer})`;
    if (!DAY.test(a.validUntil) || Number.isNaN(Date.parse(a.validUntil)))
      return [`${at}: validUntil must be a day written YYYY-MM-DD, not "${a.validUntil}".`];
    if (a.validUntil < today) return [`${at}: expired on ${a.validUntil}; renew it or remove it.`];
    if (!/^https:\/\//.test(a.verifyUrl)) return [`${at}: verifyUrl must be the issuer's https page.`];
    return [];
  });
}

/**
 * What a trust block shows: the center's accreditations, then the state licences of the
 * given locations, each once (two locations may share a licence).
 */
export function trustCredentials(
  accreditations: readonly Accreditation[],
  locations: readonly { licenses: readonly Accreditation[] }[],
): Accreditation[] {
  const seen = new Set<string>();
  return [...accreditations, ...locations.flatMap((l) => l.licenses)].filter((a) => {
    const key = `${a.issuer}\n${a.number}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
