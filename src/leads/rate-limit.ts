/**
 * Requests a minute per client, counted in Netlify Blobs (store `callback-rate`) so every
 * call sees the same count, even when each runs in a fresh worker (as under `npm start`).
 * Production also has Netlify's own `config.rateLimit` in front; this one holds everywhere.
 *
 * Each allowed-looking request writes its own entry, then counts the entries of the
 * current minute. Whoever wrote r-th sees at least r entries, so at most `limit` requests
 * can see a count within the limit, however many race. This needs only read-after-write
 * consistency, not atomic conditional writes (which the local Blobs server lacks).
 *
 * Keys: clients/<day>/<client hash>/<window start ms>/<uuid>; no address, no personal data.
 */
import { getStore, type Store } from '@netlify/blobs';
import { boundedFetch } from './blobs-fetch.ts';

export const RATE_STORE = 'callback-rate';
export const DEFAULT_RATE_LIMIT = 10;
const WINDOW_MS = 60_000;
const PREFIX = 'clients/';
const ENTRY = /\/\d{13}\/[0-9a-f-]{36}$/;
/** Old entries deleted per request, so tidying never makes a visitor wait long. */
const TIDY_BATCH = 25;

export type RateDecision = { allowed: true } | { allowed: false; retryAfter: number };

export interface RateLimiter {
  /** Counts one request from `client` (from `clientKey`) and says whether it may go on. */
  hit(client: string, now: Date): Promise<RateDecision>;
}

export function openRateBlobStore(): Store {
  return getStore({ name: RATE_STORE, consistency: 'strong', fetch: boundedFetch });
}

export function createRateLimiter(options: { limit: number; open?: () => Store }): RateLimiter {
  const { limit, open = openRateBlobStore } = options;
  let cached: Store | undefined;
  const blobs = () => (cached ??= open());

  /** Our entries (not the local server's temporary files) under a prefix. */
  const entries = async (prefix: string) =>
    (await blobs().list({ prefix })).blobs.map((entry) => entry.key).filter((key) => ENTRY.test(key));

  return {
    async hit(client, now) {
      const windowStart = Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS;
      const retryAfter = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now.getTime()) / 1000));
      const clientPrefix = `${PREFIX}${client}/`;
      const windowPrefix = `${clientPrefix}${windowStart}/`;

      const existing = await entries(clientPrefix);
      const stale = existing.filter((key) => !key.startsWith(windowPrefix)).slice(0, TIDY_BATCH);
      const tidy = Promise.all(stale.map((key) => blobs().delete(key)));
      // Over the limit already: refuse without writing, so a flood stores nothing more.
      if (existing.filter((key) => key.startsWith(windowPrefix)).length >= limit) {
        await tidy;
        return { allowed: false, retryAfter };
      }
      await Promise.all([blobs().set(`${windowPrefix}${crypto.randomUUID()}`, '1'), tidy]);
      const counted = (await entries(windowPrefix)).length;
      return counted <= limit ? { allowed: true } : { allowed: false, retryAfter };
    },
  };
}

/** Deletes counters from days before `now`'s (UTC) day; for the scheduled sweeper. */
export async function pruneRateLimit(now: Date, open: () => Store = openRateBlobStore): Promise<number> {
  const store = open();
  const today = now.toISOString().slice(0, 10);
  const { blobs } = await store.list({ prefix: PREFIX });
  const stale = blobs.filter((entry) => entry.key.slice(PREFIX.length, PREFIX.length + 10) < today);
  for (const entry of stale) await store.delete(entry.key);
  return stale.length;
}
