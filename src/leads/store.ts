/**
 * The one place that touches Netlify Blobs for leads (store `leads`, strong consistency).
 *
 * Keys hold no personal data:
 *   lead/<lead id>           body: the sealed record; metadata: LeadMeta (delivery state)
 *   submission/<sha-256 hex> body: the lead id a client submissionId became
 *
 * Writes are conditional (ETags), so two workers never overwrite each other's delivery
 * state: read with `get`/`getMeta`, change the metadata, write with `putIfMatch`; when it
 * answers `written: false` someone else got there first: read again and decide again.
 */
import { getStore, type Store } from '@netlify/blobs';
import { boundedFetch } from './blobs-fetch.ts';
import { getMetadataWithEtag, getTextWithEtag } from './blobs-read.ts';
import { isLeadId } from './ids.ts';
import { isDue, parseMeta, type LeadMeta } from './metadata.ts';

export const LEADS_STORE = 'leads';
const LEAD_PREFIX = 'lead/';
const leadKey = (id: string) => `${LEAD_PREFIX}${id}`;
const submissionKey = (hash: string) => `submission/${hash}`;

export interface LeadSummary {
  id: string;
  /** Null when the metadata is damaged or not ours: alert on the id, do not guess. */
  meta: LeadMeta | null;
  etag: string;
}

export interface StoredLead extends LeadSummary {
  sealed: string;
}

export interface LeadStore {
  /**
   * The lead with its body. `listedEtag`: an ETag from a listing (or write) made before
   * this read, which saves the local server a listing; a stale one only fails the next
   * conditional write.
   */
  get(id: string, listedEtag?: string): Promise<StoredLead | null>;
  getMeta(id: string, listedEtag?: string): Promise<LeadSummary | null>;
  /** Creates the lead; `created: false` when the id is already taken (nothing written). */
  put(id: string, sealed: string, meta: LeadMeta): Promise<{ created: boolean; etag?: string }>;
  /** Replaces the lead only if it is unchanged since it was read with `etag`. */
  putIfMatch(
    id: string,
    sealed: string,
    meta: LeadMeta,
    etag: string,
  ): Promise<{ written: boolean; etag?: string }>;
  /** Every lead, with its metadata (for retention purges and checks). */
  list(): Promise<LeadSummary[]>;
  /** Leads with at least one of `channels` pending and due by `now`. */
  listDue(now: Date, channels: readonly string[]): Promise<LeadSummary[]>;
  /** Deletes the lead and its submission entry. Deleting a missing lead is not an error. */
  delete(id: string): Promise<void>;
  /**
   * Ties a submission hash to `leadId` unless it is already tied to a lead; answers the
   * lead id the submission belongs to (ours, or the earlier one).
   */
  claimSubmission(hash: string, leadId: string): Promise<string>;
}

export function openLeadsBlobStore(): Store {
  return getStore({ name: LEADS_STORE, consistency: 'strong', fetch: boundedFetch });
}

const LIST_CONCURRENCY = 8;

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** `open` is called on first use, so a missing Blobs environment fails inside a request, not at import. */
export function createLeadStore(open: () => Store = openLeadsBlobStore): LeadStore {
  let cached: Store | undefined;
  const blobs = () => (cached ??= open());

  async function getMeta(id: string, listedEtag?: string): Promise<LeadSummary | null> {
    const found = await getMetadataWithEtag(blobs(), leadKey(id), listedEtag);
    return found ? { id, meta: parseMeta(found.metadata), etag: found.etag } : null;
  }

  async function list(): Promise<LeadSummary[]> {
    const { blobs: entries } = await blobs().list({ prefix: LEAD_PREFIX });
    const leads = entries
      .map((entry) => ({ id: entry.key.slice(LEAD_PREFIX.length), etag: entry.etag }))
      .filter((entry) => isLeadId(entry.id));
    const summaries = await mapLimited(leads, LIST_CONCURRENCY, (entry) => getMeta(entry.id, entry.etag));
    // A lead deleted between listing and reading is simply gone.
    return summaries.filter((summary): summary is LeadSummary => summary !== null);
  }

  return {
    async get(id, listedEtag) {
      const found = await getTextWithEtag(blobs(), leadKey(id), listedEtag);
      return found ? { id, sealed: found.data, meta: parseMeta(found.metadata), etag: found.etag } : null;
    },

    getMeta: (id, listedEtag) => getMeta(id, listedEtag),

    async put(id, sealed, meta) {
      const result = await blobs().set(leadKey(id), sealed, { metadata: { ...meta }, onlyIfNew: true });
      return result.etag === undefined
        ? { created: result.modified }
        : { created: result.modified, etag: result.etag };
    },

    async putIfMatch(id, sealed, meta, etag) {
      const result = await blobs().set(leadKey(id), sealed, { metadata: { ...meta }, onlyIfMatch: etag });
      return result.etag === undefined
        ? { written: result.modified }
        : { written: result.modified, etag: result.etag };
    },

    list,

    async listDue(now, channels) {
      const leads = await list();
      return leads.filter(
        ({ meta }) => meta !== null && channels.some((channel) => isDue(meta, channel, now)),
      );
    },

    async delete(id) {
      const found = await getMeta(id);
      // The pointer goes first: a crash in between leaves a lead the next purge still
      // finds, never a pointer to nothing that no purge would reach.
      if (found?.meta?.submission) await blobs().delete(submissionKey(found.meta.submission));
      await blobs().delete(leadKey(id));
    },

    async claimSubmission(hash, leadId) {
      const key = submissionKey(hash);
      for (let attempt = 0; attempt < 3; attempt++) {
        const claimed = await blobs().set(key, leadId, { onlyIfNew: true });
        if (claimed.modified) return leadId;
        const existing = await blobs().get(key, { type: 'text' });
        if (existing !== null && isLeadId(existing)) return existing;
        // Deleted between our write and our read (a retention purge): claim again.
      }
      throw new Error('submission entry keeps changing');
    },
  };
}
