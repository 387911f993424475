import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64Url } from '../../../src/leads/runtime/base64.ts';
import { decodeLeadKey, importLeadKeys, InvalidKeyError } from '../../../src/leads/storage/lead-key.ts';
import { buildRecord } from '../../../src/leads/kinds/callback/record.ts';
import { open, seal, SealError } from '../../../src/leads/storage/seal.ts';
import { openLead, sealLead } from '../../../src/leads/storage/sealed-lead.ts';
import { validateCallback } from '../../../src/callback/schema.ts';
import { OTHER_KEY, SECRETS, TEST_KEY, VALID, testKeys } from './support/fixtures.ts';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const OTHER_ID = '9c5b94b1-35ad-49bb-b118-8e8fc24abf80';

function record(id = ID) {
  const result = validateCallback(VALID);
  if (!result.ok) throw new Error('fixture invalid');
  return buildRecord({
    id,
    receivedAt: new Date('2025-01-02T03:04:05Z'),
    callback: result.value,
    consentVersion: 'c1-test',
    page: '/x/',
  });
}

/** Flips one bit of one part of a sealed string. */
function tamper(sealed: string, part: 2 | 3, byte: number): string {
  const parts = sealed.split('.');
  const bytes = fromBase64(parts[part]!)!;
  bytes[byte % bytes.length]! ^= 0x01;
  parts[part] = toBase64Url(bytes);
  return parts.join('.');
}

describe('lead keys', () => {
  it.each([
    ['standard base64', TEST_KEY],
    ['without padding', TEST_KEY.replace(/=+$/, '')],
    ['URL-safe', TEST_KEY.replace(/\+/g, '-').replace(/\//g, '_')],
    ['with surrounding whitespace', `  ${TEST_KEY}\n`],
  ])('accepts %s', (_, setting) => {
    expect(decodeLeadKey(setting)).toHaveLength(32);
  });

  it.each([
    ['empty', ''],
    ['16 bytes', btoa('x'.repeat(16))],
    ['33 bytes', btoa('x'.repeat(33))],
    ['not base64', '!'.repeat(44)],
    ['a passphrase', 'correct horse battery staple'],
  ])('refuses %s', async (_, setting) => {
    expect(decodeLeadKey(setting)).toBeNull();
    await expect(importLeadKeys(setting)).rejects.toBeInstanceOf(InvalidKeyError);
  });
});

describe('seal and open', () => {
  it('round-trips a lead record', async () => {
    const keys = await testKeys();
    const sealed = await sealLead(keys, record());
    expect(await openLead(keys, ID, sealed)).toEqual(record());
  });

  it('hides every value and uses a fresh IV each time', async () => {
    const keys = await testKeys();
    const a = await sealLead(keys, record());
    const b = await sealLead(keys, record());
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
    for (const secret of [...SECRETS, '+14155552671']) expect(a).not.toContain(secret);
    expect(a).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['the IV', 2, 0],
    ['the first ciphertext byte', 3, 0],
    ['a middle ciphertext byte', 3, 40],
    ['the authentication tag', 3, -1],
  ] as const)('refuses a body with a flipped bit in %s', async (_, part, byte) => {
    const keys = await testKeys();
    const sealed = await sealLead(keys, record());
    const length = fromBase64(sealed.split('.')[part]!)!.length;
    await expect(openLead(keys, ID, tamper(sealed, part, (byte + length) % length))).rejects.toBeInstanceOf(
      SealError,
    );
  });

  it('refuses a body moved to another lead id', async () => {
    const keys = await testKeys();
    const sealed = await sealLead(keys, record(ID));
    await expect(openLead(keys, OTHER_ID, sealed)).rejects.toBeInstanceOf(SealError);
  });

  it('refuses a body sealed with another key, even if the key id is forged', async () => {
    const keys = await testKeys();
    const other = await importLeadKeys(OTHER_KEY);
    const sealed = await sealLead(other, record());
    await expect(openLead(keys, ID, sealed)).rejects.toThrow('another key');
    const forged = [sealed.split('.')[0], keys.keyId, ...sealed.split('.').slice(2)].join('.');
    await expect(openLead(keys, ID, forged)).rejects.toBeInstanceOf(SealError);
  });

  it.each([
    ['empty', ''],
    ['plaintext JSON', JSON.stringify(record())],
    ['an unknown version', 'v9.aaaaaaaa.AAAAAAAAAAAAAAAA.AAAA'],
    ['a short IV', 'v1.KEYID.AAAA.AAAAAAAAAAAAAAAAAAAAAAAA'],
    ['extra parts', 'v1.KEYID.AAAAAAAAAAAAAAAA.AAAA.AAAA'],
    ['non-base64', 'v1.KEYID.!!!!!!!!!!!!!!!!.****'],
  ])('refuses %s', async (_, text) => {
    const keys = await testKeys();
    await expect(open(keys, ID, text.replace('KEYID', keys.keyId))).rejects.toBeInstanceOf(SealError);
  });

  it('refuses a sealed text that is not a lead record', async () => {
    const keys = await testKeys();
    await expect(openLead(keys, ID, await seal(keys, ID, '{"id":"x"}'))).rejects.toThrow('not a lead');
    await expect(openLead(keys, ID, await seal(keys, ID, 'not json'))).rejects.toThrow('not a lead');
    await expect(openLead(keys, ID, await sealLead(keys, record(OTHER_ID)))).rejects.toBeInstanceOf(
      SealError,
    );
  });

  it('errors carry no plaintext', async () => {
    const keys = await testKeys();
    const error = await openLead(keys, OTHER_ID, await sealLead(keys, record())).catch((e: unknown) => e);
    expect(String(error)).not.toMatch(/Marisol|4155552671/);
  });
});
