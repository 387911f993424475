/**
 * AES-256-GCM sealing of lead bodies. The lead id is bound in as additional data, so a
 * body copied under another lead's key fails to open instead of passing as that lead.
 *
 * Format: `v1.<keyId>.<iv>.<ciphertext+tag>` (base64url). The key id says which key
 * sealed it: after a rotation (see lead-key.ts) a body is opened with the key that sealed
 * it, and a body whose key is no longer listed is told apart from a tampered one.
 */
import { fromBase64, toBase64Url } from '../runtime/base64.ts';
import type { LeadKeys } from './lead-key.ts';

const VERSION = 'v1';
const IV_BYTES = 12;

export class SealError extends Error {
  override name = 'SealError';
}

const additionalData = (leadId: string) => new TextEncoder().encode(`callback-lead:${leadId}`);

export async function seal(keys: LeadKeys, leadId: string, plaintext: string): Promise<string> {
  // A fresh random IV for every body: GCM's security rests on never reusing one with a key.
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(leadId) },
    keys.seal,
    new TextEncoder().encode(plaintext),
  );
  return [VERSION, keys.keyId, toBase64Url(iv), toBase64Url(new Uint8Array(ciphertext))].join('.');
}

/** The plaintext, or a SealError for anything altered, moved, or sealed with another key. */
export async function open(keys: LeadKeys, leadId: string, sealed: string): Promise<string> {
  const [version, keyId, ivText, bodyText, ...extra] = sealed.split('.');
  if (version !== VERSION || extra.length > 0 || ivText === undefined || bodyText === undefined) {
    throw new SealError('not a sealed lead');
  }
  const key = keyId === undefined ? undefined : keys.open.get(keyId);
  if (key === undefined) throw new SealError('sealed with another key (not listed in LEAD_ENCRYPTION_KEY)');
  const iv = fromBase64(ivText);
  const body = fromBase64(bodyText);
  if (iv === null || iv.length !== IV_BYTES || body === null) throw new SealError('not a sealed lead');
  let plaintext: ArrayBuffer;
  try {
    plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(leadId) },
      key,
      body,
    );
  } catch {
    throw new SealError('refused: altered or not this lead');
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
}
