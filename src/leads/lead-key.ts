/**
 * Turns LEAD_ENCRYPTION_KEY (base64 of 32 random bytes) into the keys the pipeline uses.
 * The AES key is the setting itself, as the contract says; the key that hashes client
 * addresses for rate limiting is derived from it (HKDF) so it needs no setting of its own
 * and can never decrypt anything.
 */
import { fromBase64, toHex } from './base64.ts';

export interface LeadKeys {
  /** AES-256-GCM, for sealing lead bodies. */
  seal: CryptoKey;
  /** HMAC-SHA-256, for turning client addresses into rate-limit keys. */
  clientHash: CryptoKey;
  /** HMAC-SHA-256, for turning a submissionId and the submitted values into an idempotency key. */
  submission: CryptoKey;
  /** Short fingerprint of the key, written beside each sealed body to tell keys apart after a rotation. */
  keyId: string;
}

export class InvalidKeyError extends Error {
  override name = 'InvalidKeyError';
}

export function decodeLeadKey(setting: string): Uint8Array<ArrayBuffer> | null {
  const bytes = fromBase64(setting);
  return bytes !== null && bytes.length === 32 ? bytes : null;
}

export async function importLeadKeys(setting: string): Promise<LeadKeys> {
  const raw = decodeLeadKey(setting);
  if (raw === null) throw new InvalidKeyError('LEAD_ENCRYPTION_KEY must be base64 of 32 bytes');
  const seal = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  const base = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey']);
  const clientHash = await crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(0),
      info: new TextEncoder().encode('callback/client-key/v1'),
    },
    base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
  const submission = await crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(0),
      info: new TextEncoder().encode('callback/submission-key/v1'),
    },
    base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
  const keyId = toHex(await crypto.subtle.digest('SHA-256', raw)).slice(0, 8);
  return { seal, clientHash, submission, keyId };
}
