/**
 * Field names, limits and choices of the coverage check form (see
 * /work/shared/insurance-contract.md). Browser-safe and dependency-free: the form, its
 * script, the schema and the server all read these.
 */

/** Fields a person fills in, in form order; each can carry a message shown next to it. */
export const INSURANCE_VISIBLE_FIELDS = [
  'name',
  'phone',
  'email',
  'dateOfBirth',
  'insurer',
  'insurerOther',
  'memberId',
  'groupNumber',
  'policyholder',
  'policyholderName',
  'policyholderDateOfBirth',
  'state',
  'callTime',
  'consent',
] as const;
export type InsuranceField = (typeof INSURANCE_VISIBLE_FIELDS)[number];

/** Every field the endpoint reads: the visible ones and the callback's hidden ones. */
export const INSURANCE_FIELD_NAMES = [
  ...INSURANCE_VISIBLE_FIELDS,
  'website',
  'fillMs',
  'submissionId',
  'page',
] as const;

export const INSURANCE_LIMITS = {
  insurerOtherMax: 100,
  memberIdMin: 3,
  memberIdMax: 30,
  groupNumberMax: 30,
  /** Oldest age a date of birth may give. */
  ageMax: 120,
} as const;

/** The `insurer` value for a plan not in the site's list; `insurerOther` then names it. */
export const OTHER_INSURER = 'other';

export const POLICYHOLDERS = ['self', 'spouse', 'parent', 'other'] as const;
export type Policyholder = (typeof POLICYHOLDERS)[number];
export const DEFAULT_POLICYHOLDER: Policyholder = 'self';

/** Letters, digits, spaces and dashes: how insurers print member and group numbers. */
export const PLAN_NUMBER = /^[A-Za-z0-9 -]+$/;

/** States, DC and the territories, by their postal codes. */
export const US_STATES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'AS',
  'GU',
  'MP',
  'PR',
  'VI',
] as const;
export type UsState = (typeof US_STATES)[number];

/** "YYYY-MM-DD" that names a real day; null otherwise. Browser-safe. */
export function parseIsoDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? date
    : null;
}

/** The problem with a date of birth on `today` (YYYY-MM-DD, UTC), or null when it is fine. */
export function birthDateProblem(text: string, today: Date): 'invalid' | 'future' | 'tooOld' | null {
  const date = parseIsoDate(text);
  if (date === null) return 'invalid';
  // Anywhere in the US it is at most "today" in UTC; a birth date later than that is ahead.
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (date.getTime() > todayUtc) return 'future';
  const oldest = Date.UTC(
    today.getUTCFullYear() - INSURANCE_LIMITS.ageMax - 1,
    today.getUTCMonth(),
    today.getUTCDate(),
  );
  return date.getTime() <= oldest ? 'tooOld' : null;
}
