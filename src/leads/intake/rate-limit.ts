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
import { boundedFetch } from '../storage/blobs-fetch.ts';

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

/** Old counters deleted per sweep at most; the rest go at the next runs. */
export const PRUNE_PER_RUN = 500;
const PRUNE_AT_ONCE = 16;

/**
 * Deletes counters from days before `now`'s (UTC) day, at most `limit` a call, for the
 * scheduled sweeper. It lists the day folders first and only then the keys of past days,
 * page by page, stopping at the limit or when `more()` says the time is up: a flood of
 * yesterday's requests takes a few runs to clear, and never holds one run past its time.
 * What is left is simply found again next run.
 */
export async function pruneRateLimit(
  now: Date,
  open: () => Store = openRateBlobStore,
  limit: number = PRUNE_PER_RUN,
  /** Asked between batches: false stops (the sweep's time is up). */
  more: () => boolean = () => true,
): Promise<number> {
  const store = open();
  const today = now.toISOString().slice(0, 10);
  const { directories } = await store.list({ prefix: PREFIX, directories: true });
  const pastDays = directories
    .map((folder) => folder.slice(PREFIX.length).replace(/\/$/, ''))
    .filter((day) => /^\d{4}-\d{2}-\d{2}$/.test(day) && day < today)
    .sort();
  let removed = 0;
  for (const day of pastDays) {
    for await (const page of store.list({ prefix: `${PREFIX}${day}/`, paginate: true })) {
      const keys = page.blobs.map((entry) => entry.key).slice(0, limit - removed);
      for (let start = 0; start < keys.length; start += PRUNE_AT_ONCE) {
        if (!more()) return removed;
        const batch = keys.slice(start, start + PRUNE_AT_ONCE);
        await Promise.all(batch.map((key) => store.delete(key)));
        removed += batch.length;
      }
      if (removed >= limit) return removed;
    }
  }
  return removed;
}
