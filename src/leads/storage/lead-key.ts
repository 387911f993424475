/**
 * Turns LEAD_ENCRYPTION_KEY into the keys the pipeline uses.
 *
 * The setting is one key (base64 of 32 random bytes) or, during a key rotation, several
 * separated by commas: the FIRST seals every new lead, and every one of them opens the
 * leads sealed before. Dropping a key at once would make every undelivered lead sealed
 * with it unreadable; keeping it in the list until those leads are purged does not.
 *
 * Each AES key is the setting itself, as the contract says. The keys that hash client
 * addresses (rate limiting) and submissions (repeats) are derived (HKDF) from the first
 * key, so they need no setting of their own and can never decrypt anything; a rotation
 * starts both afresh.
 */
import { fromBase64, toHex } from '../runtime/base64.ts';

export interface LeadKeys {
  /** AES-256-GCM, for sealing new lead bodies: the first key of the setting. */
  seal: CryptoKey;
  /** Fingerprint of the sealing key, written beside each sealed body. */
  keyId: string;
  /** Every key of the setting by fingerprint (the sealing key too), for opening bodies. */
  open: ReadonlyMap<string, CryptoKey>;
  /** HMAC-SHA-256, for turning client addresses into rate-limit keys. */
  clientHash: CryptoKey;
  /** HMAC-SHA-256, for turning a submissionId and the submitted values into an idempotency key. */
  submission: CryptoKey;
}

export class InvalidKeyError extends Error {
  override name = 'InvalidKeyError';
}

/** One key's bytes: base64 (standard or URL-safe) of exactly 32 bytes; null otherwise. */
export function decodeLeadKey(setting: string): Uint8Array<ArrayBuffer> | null {
  const bytes = fromBase64(setting);
  return bytes !== null && bytes.length === 32 ? bytes : null;
}

/** The keys of a setting, first (sealing) key first; null when any part is not a key. */
export function decodeLeadKeys(setting: string): Uint8Array<ArrayBuffer>[] | null {
  const parts = setting.split(',').map((part) => part.trim());
  const keys = parts.map(decodeLeadKey);
  return keys.length > 0 && keys.every((key) => key !== null) ? (keys as Uint8Array<ArrayBuffer>[]) : null;
}

/** Why a setting is unusable, in words that name no key; null when it is usable. */
export function leadKeyProblem(setting: string): string | null {
  if (decodeLeadKeys(setting) !== null) return null;
  return setting.includes(',')
    ? 'must be keys (base64 of 32 bytes each) separated by commas, the sealing key first'
    : 'must be base64 of 32 bytes';
}

/** The short fingerprint of a key: says which key sealed a body without revealing it. */
async function fingerprint(raw: Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', raw)).slice(0, 8);
}

export async function importLeadKeys(setting: string): Promise<LeadKeys> {
  const raws = decodeLeadKeys(setting);
  if (raws === null) throw new InvalidKeyError(`LEAD_ENCRYPTION_KEY ${leadKeyProblem(setting)}`);
  const open = new Map<string, CryptoKey>();
  for (const raw of raws) {
    const id = await fingerprint(raw);
    if (open.has(id)) throw new InvalidKeyError('LEAD_ENCRYPTION_KEY lists the same key twice');
    open.set(id, await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']));
  }
  const first = raws[0]!;
  const keyId = await fingerprint(first);
  const base = await crypto.subtle.importKey('raw', first, 'HKDF', false, ['deriveKey']);
  // Derived keys sign and never decrypt; each purpose has its own, from the sealing key.
  const hmacKey = (info: string) =>
    crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode(info) },
      base,
      { name: 'HMAC', hash: 'SHA-256', length: 256 },
      false,
      ['sign'],
    );
  return {
    seal: open.get(keyId)!,
    keyId,
    open,
    clientHash: await hmacKey('callback/client-key/v1'),
    submission: await hmacKey('callback/submission-key/v1'),
  };
}
