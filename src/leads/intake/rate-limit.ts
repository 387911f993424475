/**
 * Requests a minute per client, counted in Netlify Blobs (store `callback-rate`) so every
 * call sees the same count, even when each runs in a fresh worker (as under `npm start`).
 * Production also has Netlify's own `config.rateLimit` in front; this one holds everywhere.
 *
 * Each request writes its own entry, then lists the client's entries (two round trips).
 * Whoever wrote r-th sees at least r entries of the current minute, so at most `limit`
 * requests can see a count within the limit, however many race. This needs only
 * read-after-write consistency, not atomic conditional writes. Entry names start with
 * the time they were written, so they sort in about that order. A refused request with
 * `limit` entries before its own deletes its own again (with the client's entries of
 * earlier minutes: the tidying). An allowed entry is never deleted within its minute, so
 * the bound above holds; the first `limit` entries never go, so a full minute stays full;
 * and a flood leaves no more than `limit` entries a minute. The tidying is not on the
 * visitor's path: `begin` hands it back to run alongside storing.
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
  /** The same decision, with the tidying still running (`tidy`, which never rejects). */
  begin?(client: string, now: Date): Promise<{ decision: RateDecision; tidy: Promise<void> }>;
}

/** A UUID-shaped name whose first 12 hex digits are the time in ms: names sort by when they were made. */
function timeOrderedId(): string {
  const time = Date.now().toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-${crypto.randomUUID().slice(14)}`;
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

  async function begin(client: string, now: Date): Promise<{ decision: RateDecision; tidy: Promise<void> }> {
    const windowStart = Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS;
    const retryAfter = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now.getTime()) / 1000));
    const clientPrefix = `${PREFIX}${client}/`;
    const windowPrefix = `${clientPrefix}${windowStart}/`;
    const mine = `${windowPrefix}${timeOrderedId()}`;

    await blobs().set(mine, '1');
    const existing = await entries(clientPrefix);
    const counted = existing.filter((key) => key.startsWith(windowPrefix)).length;
    const allowed = counted <= limit;
    const stale = existing.filter((key) => !key.startsWith(windowPrefix)).slice(0, TIDY_BATCH);
    // Refused behind a full minute: our entry goes again, so a flood stores nothing more.
    const before = existing.filter((key) => key.startsWith(windowPrefix) && key < mine).length;
    if (!allowed && before >= limit) stale.push(mine);
    const tidy = Promise.all(stale.map((key) => blobs().delete(key))).then(
      () => undefined,
      () => undefined,
    );
    return { decision: allowed ? { allowed: true } : { allowed: false, retryAfter }, tidy };
  }

  return {
    begin,
    async hit(client, now) {
      const { decision, tidy } = await begin(client, now);
      await tidy;
      return decision;
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
