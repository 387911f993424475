/**
 * The rule that keeps two sweepers (or a sweep and a first attempt) from sending the same
 * lead twice: nobody sends until they hold the lead's lease, and the lease is taken with
 * a conditional write.
 *
 *   claim:  read the lead and its ETag; if no live lease, write the metadata with our
 *           lease token `onlyIfMatch` that ETag; read the metadata back and check the
 *           token is ours.
 *   send:   only the holder sends.
 *   finish: write the outcome and drop the lease `onlyIfMatch` the claim's ETag; if that
 *           fails, re-read, merge the outcome into what is there, and write again.
 *
 * On Netlify a conditional write is atomic, so exactly one claimant's write lands. The
 * local Blobs server alone is not (it checks the ETag, then writes, with awaits in
 * between; its ETags come from coarse file times); scripts/consistent-blobs.ts gives it
 * the same guarantees under `npm start`, `npm run leads` and the tests. The read-back is
 * a second, independent check for any store that still loses a race: one read a claim.
 *
 * A lease lapses at `until` (2 minutes: more than the longest send) so a sweeper that
 * dies mid-send cannot hold a lead forever. That is the one way a lead can be sent twice:
 * a holder that sent but died (or lost its connection to Blobs) before recording it. We
 * accept that rather than risk never sending: at least once, duplicates only after a
 * crash, and every copy carries the lead id (`webhook-id`, Message-ID) to dedupe on.
 */
import type { LeadMeta } from '../storage/metadata.ts';
import type { LeadStore } from '../storage/store.ts';
import { leaseActive } from './plan.ts';

export const LEASE_MS = 2 * 60_000;

export interface ClaimedLead {
  id: string;
  sealed: string;
  meta: LeadMeta;
  etag: string;
  token: string;
}

export type Claim =
  | { kind: 'claimed'; lead: ClaimedLead }
  /** Deleted, or damaged metadata (reported elsewhere): nothing to do. */
  | { kind: 'gone' | 'damaged' }
  /** Someone else holds it, or got there first. */
  | { kind: 'busy' }
  /** Nothing is due on it any more (someone finished it since it was listed). */
  | { kind: 'idle' };

export async function claimLead(
  store: LeadStore,
  id: string,
  options: {
    now: Date;
    leaseMs?: number;
    listedEtag?: string;
    wantsWork: (meta: LeadMeta) => boolean;
  },
): Promise<Claim> {
  const stored = await store.get(id, options.listedEtag);
  if (stored === null) return { kind: 'gone' };
  if (stored.meta === null) return { kind: 'damaged' };
  if (leaseActive(stored.meta, options.now)) return { kind: 'busy' };
  if (!options.wantsWork(stored.meta)) return { kind: 'idle' };

  const token = crypto.randomUUID();
  const until = new Date(options.now.getTime() + (options.leaseMs ?? LEASE_MS)).toISOString();
  const meta: LeadMeta = { ...stored.meta, lease: { token, until } };
  const write = await store.putIfMatch(id, stored.sealed, meta, stored.etag);
  if (!write.written) return { kind: 'busy' };
  const back = await store.getMeta(id, write.etag);
  if (back?.meta?.lease?.token !== token) return { kind: 'busy' };
  return { kind: 'claimed', lead: { id, sealed: stored.sealed, meta, etag: back.etag, token } };
}

const FINISH_TRIES = 4;

/**
 * Records the outcome: `update` turns the lead's current metadata into the new one and is
 * applied again to a fresh read if the lead changed under us. False when it could not be
 * written (the lead is gone, or Blobs kept failing): the lease then lapses by itself.
 */
export async function finishLead(
  store: LeadStore,
  lead: ClaimedLead,
  update: (current: LeadMeta) => LeadMeta,
): Promise<boolean> {
  let current: { sealed: string; meta: LeadMeta; etag: string } = lead;
  for (let attempt = 0; attempt < FINISH_TRIES; attempt++) {
    const write = await store.putIfMatch(lead.id, current.sealed, update(current.meta), current.etag);
    if (write.written) return true;
    const fresh = await store.get(lead.id);
    if (fresh === null || fresh.meta === null) return false;
    current = { sealed: fresh.sealed, meta: fresh.meta, etag: fresh.etag };
  }
  return false;
}

/** Drops our lease from `meta`, leaving anyone else's. */
export function withoutLease(meta: LeadMeta, token: string): LeadMeta {
  return meta.lease?.token === token ? { ...meta, lease: null } : meta;
}
