import { describe, expect, it } from 'vitest';
import { clientKey, normalizeIp } from '../../../src/leads/intake/client-key.ts';
import { importLeadKeys } from '../../../src/leads/storage/lead-key.ts';
import { OTHER_KEY, testKeys } from './support/fixtures.ts';

describe('normalizeIp', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['0:0:0:0:0:ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['[2001:db8:1:2::9]', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['2001:db8::1::2', '2001:db8::1::2'],
    ['', 'unknown'],
    [null, 'unknown'],
  ])('%j → %j', (ip, expected) => {
    expect(normalizeIp(ip)).toBe(expected);
  });
});

describe('clientKey', () => {
  const day = new Date('2025-03-04T12:00:00Z');

  it('is a day and a keyed hash, never the address', async () => {
    const key = await clientKey((await testKeys()).clientHash, '203.0.113.7', day);
    expect(key).toMatch(/^2025-03-04\/[0-9a-f]{32}$/);
    expect(key).not.toContain('203');
  });

  it('is the same for one /64 and differs across clients, days and keys', async () => {
    const { clientHash } = await testKeys();
    const other = (await importLeadKeys(OTHER_KEY)).clientHash;
    const a = await clientKey(clientHash, '2001:db8:1:2::1', day);
    expect(await clientKey(clientHash, '2001:db8:1:2::ffff', day)).toBe(a);
    expect(await clientKey(clientHash, '2001:db8:1:3::1', day)).not.toBe(a);
    expect(
      (await clientKey(clientHash, '2001:db8:1:2::1', new Date('2025-03-05T00:00:00Z'))).slice(11),
    ).not.toBe(a.slice(11));
    expect(await clientKey(other, '2001:db8:1:2::1', day)).not.toBe(a);
  });
});
