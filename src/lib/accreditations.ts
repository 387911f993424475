/**
 * Licences and accreditations are trust claims: one that has run out must not be shown as
 * current, so the build fails with the setting to fix instead.
 */
import type { Accreditation } from '../site.config.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Problems with the configured accreditations on `today` (a YYYY-MM-DD day). */
export function accreditationProblems(list: readonly Accreditation[], today: string): string[] {
  return list.flatMap((a, i) => {
    const at = `site.accreditations[${i}] (${a.issuer})`;
    if (!DAY.test(a.validUntil) || Number.isNaN(Date.parse(a.validUntil)))
      return [`${at}: validUntil must be a day written YYYY-MM-DD, not "${a.validUntil}".`];
    if (a.validUntil < today)
      return [`${at}: expired on ${a.validUntil}; renew it or remove it from src/site.config.ts.`];
    if (!/^https:\/\//.test(a.verifyUrl)) return [`${at}: verifyUrl must be the issuer's https page.`];
    return [];
  });
}
