import { getStore } from '@netlify/blobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, pruneRateLimit, RATE_STORE } from '../../../src/leads/intake/rate-limit.ts';
import { startBlobs, type TestBlobs } from './support/blobs.ts';

let blobs: TestBlobs;
beforeAll(async () => {
  blobs = await startBlobs();
});
afterAll(async () => {
  await blobs.stop();
});

const at = (iso: string) => new Date(iso);
const client = () => `2025-06-01/${crypto.randomUUID().replace(/-/g, '')}`;

describe('rate limiter', () => {
  it('allows the limit, then refuses until the next minute with Retry-After', async () => {
    const limiter = createRateLimiter({ limit: 3 });
    const me = client();
    const now = at('2025-06-01T12:00:15Z');
    for (let i = 0; i < 3; i++) expect(await limiter.hit(me, now)).toEqual({ allowed: true });
    expect(await limiter.hit(me, now)).toEqual({ allowed: false, retryAfter: 45 });
    expect(await limiter.hit(me, at('2025-06-01T12:00:59.500Z'))).toEqual({ allowed: false, retryAfter: 1 });
    expect(await limiter.hit(me, at('2025-06-01T12:01:00Z'))).toEqual({ allowed: true });
  });

  it('counts each client apart', async () => {
    const limiter = createRateLimiter({ limit: 1 });
    const now = at('2025-06-01T12:00:00Z');
    const [a, b] = [client(), client()];
    expect(await limiter.hit(a, now)).toEqual({ allowed: true });
    expect(await limiter.hit(b, now)).toEqual({ allowed: true });
    expect((await limiter.hit(a, now)).allowed).toBe(false);
  });

  it('shares its count across limiter instances (fresh workers)', async () => {
    const me = client();
    const now = at('2025-06-01T12:00:00Z');
    expect(await createRateLimiter({ limit: 1 }).hit(me, now)).toEqual({ allowed: true });
    expect((await createRateLimiter({ limit: 1 }).hit(me, now)).allowed).toBe(false);
  });

  it('never lets a concurrent burst past the limit, and lets the client back next minute', async () => {
    const limiter = createRateLimiter({ limit: 5 });
    const me = client();
    const now = at('2025-06-01T12:00:00Z');
    // One request alone first: a limiter that refuses everything fails here.
    expect(await limiter.hit(me, now)).toEqual({ allowed: true });
    const results = await Promise.all(Array.from({ length: 20 }, () => limiter.hit(me, now)));
    // Whatever the interleaving, at most the 4 left may pass (a burst may well be refused whole).
    expect(results.filter((result) => result.allowed).length).toBeLessThanOrEqual(4);
    for (const refused of results.filter((result) => !result.allowed))
      expect(refused).toEqual({ allowed: false, retryAfter: 60 });
    expect((await limiter.hit(me, now)).allowed).toBe(false);
    // Another client is not held up by the burst, and this one is back in the next minute.
    expect(await limiter.hit(client(), now)).toEqual({ allowed: true });
    expect(await limiter.hit(me, at('2025-06-01T12:01:00Z'))).toEqual({ allowed: true });
  });

  it('lets a concurrent burst within the limit through (a double tap)', async () => {
    const limiter = createRateLimiter({ limit: 5 });
    const me = client();
    const now = at('2025-06-01T12:00:00Z');
    const results = await Promise.all(Array.from({ length: 5 }, () => limiter.hit(me, now)));
    expect(results.every((result) => result.allowed)).toBe(true);
  });

  it('ignores keys that are not its entries, and tidies earlier minutes', async () => {
    const me = client();
    const store = getStore({ name: RATE_STORE, consistency: 'strong' });
    await store.set(`clients/${me}/.tmp-file`, 'x');
    const limiter = createRateLimiter({ limit: 1 });
    expect(await limiter.hit(me, at('2025-06-01T12:00:00Z'))).toEqual({ allowed: true });
    expect(await limiter.hit(me, at('2025-06-01T12:01:00Z'))).toEqual({ allowed: true });
    const { blobs: left } = await store.list({ prefix: `clients/${me}/` });
    expect(
      left.filter((entry) => /\/\d{13}\//.test(entry.key)).map((entry) => entry.key.split('/')[3]),
    ).toEqual([String(at('2025-06-01T12:01:00Z').getTime())]);
  });

  it('writes nothing more once a client is over its limit', async () => {
    const me = client();
    const limiter = createRateLimiter({ limit: 2 });
    const now = at('2025-06-01T12:00:00Z');
    for (let i = 0; i < 10; i++) await limiter.hit(me, now);
    const { blobs: left } = await getStore({ name: RATE_STORE, consistency: 'strong' }).list({
      prefix: `clients/${me}/`,
    });
    expect(left).toHaveLength(2);
  });

  it('prunes counters from earlier days only', async () => {
    const store = getStore({ name: RATE_STORE, consistency: 'strong' });
    await store.set('clients/2025-05-30/aaaa', '{}');
    await store.set('clients/2025-05-31/bbbb', '{}');
    await store.set('clients/2025-06-01/cccc', '{}');
    expect(await pruneRateLimit(at('2025-06-01T00:00:01Z'))).toBeGreaterThanOrEqual(2);
    const { blobs: left } = await store.list({ prefix: 'clients/' });
    expect(left.map((entry) => entry.key)).toContain('clients/2025-06-01/cccc');
    expect(left.some((entry) => entry.key < 'clients/2025-06-01')).toBe(false);
  });
});
