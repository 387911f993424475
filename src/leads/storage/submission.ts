/**
 * Idempotency key of a submission: the same `submissionId` with the same values is one
 * lead (a retry); the same id with other values (a corrected number after Back, a request
 * for someone else) is a new lead.
 *
 * The key is an HMAC, keyed from LEAD_ENCRYPTION_KEY, of the id and of every value
 * admissions receives. Keyed because it names a blob (`submission/<hex>`) and sits in
 * readable metadata: a plain hash of a name and a US phone number could be reversed by
 * trying every number; without the key it says nothing. The id itself is in the input
 * too, so the store never holds a value the visitor's browser also holds.
 */
import { toHex } from '../runtime/base64.ts';
import type { LeadRecord } from './record.ts';

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

/** 64 hex characters naming the submission entry; the record's fields beyond SubmittedValues are ignored. */
export async function submissionHash(
  key: CryptoKey,
  submissionId: string,
  values: SubmittedValues,
): Promise<string> {
  const text = JSON.stringify(['callback-submission/v2', submissionId, canonicalValues(values)]);
  return toHex(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text)));
}
