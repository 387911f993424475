/**
 * Idempotency key of a submission: the same `submissionId` with the same values is one
 * lead (a retry); the same id with other values (a corrected number after Back, a request
 * for someone else) is a new lead.
 *
 * The key is an HMAC, keyed from LEAD_ENCRYPTION_KEY, of the kind's tag, the id and every
 * value admissions receives (the kind's `submissionText`, field by field in a fixed order).
 * Keyed because it names a blob (`submission/<hex>`) and sits in readable metadata: a plain
 * hash of a name and a US phone number could be reversed by trying every number; without
 * the key it says nothing. The id itself is in the input too, so the store never holds a
 * value the visitor's browser also holds. The tag keeps two kinds' values apart.
 */
import { toHex } from '../runtime/base64.ts';

/** 64 hex characters naming the submission entry. */
export async function submissionHash(
  key: CryptoKey,
  tag: string,
  submissionId: string,
  values: string,
): Promise<string> {
  const text = JSON.stringify([tag, submissionId, values]);
  return toHex(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text)));
}
