/**
 * The callback's submitted values for the idempotency hash (../../storage/submission.ts):
 * every value admissions receives, in a fixed order.
 */
import { submissionHash as kindSubmissionHash } from '../../storage/submission.ts';
import type { LeadRecord } from './record.ts';

export const CALLBACK_SUBMISSION_TAG = 'callback-submission/v2';

/** What the visitor asked for: the lead as admissions receives it, minus what the server adds. */
export type SubmittedValues = Omit<LeadRecord, 'id' | 'receivedAt' | 'consent'>;

// Fixed order, so the same values always give the same text. The check below fails to
// compile when a field is added to LeadRecord and not here, so a new field can never be
// left out of the comparison (and a changed value in it mistaken for a retry).
const FIELDS = [
  'name',
  'phone',
  'email',
  'callTime',
  'forWhom',
  'program',
  'voicemail',
  'texts',
  'page',
] as const satisfies readonly (keyof SubmittedValues)[];
type Missing = Exclude<keyof SubmittedValues, (typeof FIELDS)[number]>;
const everyField: [Missing] extends [never] ? true : Missing = true;
void everyField;

/** The values as one unambiguous text: a JSON array, field by field, after validation. */
export function canonicalValues(values: SubmittedValues): string {
  return JSON.stringify(FIELDS.map((field) => values[field]));
}

/** 64 hex characters naming a callback's submission entry; fields beyond SubmittedValues are ignored. */
export function submissionHash(
  key: CryptoKey,
  submissionId: string,
  values: SubmittedValues,
): Promise<string> {
  return kindSubmissionHash(key, CALLBACK_SUBMISSION_TAG, submissionId, canonicalValues(values));
}
