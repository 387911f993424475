/**
 * Idempotency: a client's `submissionId` (a UUID it picked) is stored only as a hash, so
 * the store never holds a value the visitor's browser also holds.
 */
import { toHex } from './base64.ts';

export async function submissionHash(submissionId: string): Promise<string> {
  const data = new TextEncoder().encode(`callback-submission:${submissionId}`);
  return toHex(await crypto.subtle.digest('SHA-256', data));
}
