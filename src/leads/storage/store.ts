/**
 * The one place that touches Netlify Blobs for leads (store `leads`, strong consistency).
 *
 * Keys hold no personal data:
 *   lead/<lead id>           body: the sealed record; metadata: LeadMeta (delivery state)
 *   submission/<HMAC hex>    body: the lead id a client submissionId and its values became;
 *                            metadata: { claimedAt } (when the claim was made)
 *   due/<ms>/<lead id>       the due index (./lead-index.ts): when the sweep should look;
 *   settled/<ms>/<lead id>   the same for leads every channel has settled
 *   sweep/cursor/<walk>      where the sweep's slow walks over leads and submissions resume
 *
 * Writes are conditional (ETags), so two workers never overwrite each other's delivery
 * state: read with `get`/`getMeta`, change the metadata, write with `putIfMatch`; when it
 * answers `written: false` someone else got there first: read again and decide again.
 *
 * Every metadata write also keeps the due index: the entry for the new state is written
 * first, then the lead, then the entry of the state it replaced is dropped. A failed index
 * write never fails the lead's write (the lead matters; the sweep's repair walk re-indexes
 * it), and a crash between the steps leaves an extra entry, which the sweep drops when it
 * reaches it, never a lead with none.
 *
 * Purging (a lead past retention) must not delete what changed since the sweep read it,
 * and Blobs has no conditional delete. So the lead is first overwritten, `onlyIfMatch` the
 * ETag read, by a tombstone (empty body, metadata `{ purging, submission }`), then its
 * submission entry, the lead and its index entries are deleted. A change that lands
 * before the tombstone (an operator's retry) makes the tombstone write fail and the lead
 * stays; one that comes after finds no lead (every read here shows a tombstone as absent)
 * and cannot bring it back. A crash after the tombstone leaves it and its index entry: the
 * next sweep finishes the purge.
 */
import { getStore, type Store } from '@netlify/blobs';
import { boundedFetch } from './blobs-fetch.ts';
import { getMetadataWithEtag, getTextWithEtag } from './blobs-read.ts';
import { isLeadId } from '../runtime/ids.ts';
import { indexKey, indexTime, lanePrefix, parseIndexKey, type IndexEntry, type Lane } from './lead-index.ts';
import { isDue, parseMeta, type LeadMeta } from './metadata.ts';

export const LEADS_STORE = 'leads';
const LEAD_PREFIX = 'lead/';
const SUBMISSION_PREFIX = 'submission/';
const CURSOR_PREFIX = 'sweep/cursor/';
const leadKey = (id: string) => `${LEAD_PREFIX}${id}`;
const submissionKey = (hash: string) => `${SUBMISSION_PREFIX}${hash}`;
const SUBMISSION_HASH = /^[0-9a-f]{64}$/;

export interface LeadSummary {
  id: string;
  /** Null when the metadata is damaged or not ours: alert on the id, do not guess. */
  meta: LeadMeta | null;
  etag: string;
}

export interface StoredLead extends LeadSummary {
  sealed: string;
}

/** A lead as the sweep sees it: a purge left midway is visible here (and nowhere else). */
export type SweepRead =
  { kind: 'gone' } | { kind: 'purging'; submission: string | null } | { kind: 'lead'; lead: LeadSummary };

export interface SubmissionEntry {
  hash: string;
  /** Null when the body is not a lead id (not ours). */
  leadId: string | null;
  /** Epoch ms of the claim; null for entries written before claims carried it. */
  claimedAt: number | null;
  etag: string;
}

/** The slow walks of the sweep, each resuming where the last run stopped. */
export type Walk = 'lead' | 'submission';

export interface LeadStore {
  /**
   * The lead with its body. `listedEtag`: an ETag from a listing (or write) made before
   * this read, which saves the local server a listing; a stale one only fails the next
   * conditional write.
   */
  get(id: string, listedEtag?: string): Promise<StoredLead | null>;
  getMeta(id: string, listedEtag?: string): Promise<LeadSummary | null>;
  /**
   * Creates the lead; `created: false` when the id is already taken (nothing written).
   * `indexed`: its due entry was written already (`indexNew`), so it is not written again.
   */
  put(
    id: string,
    sealed: string,
    meta: LeadMeta,
    options?: { indexed?: boolean },
  ): Promise<{ created: boolean; etag?: string }>;
  /**
   * Writes a new lead's due entry ahead of the lead (alongside the claim and the rate
   * limit, to save a round trip); an entry whose lead never comes is dropped by the sweep.
   * Never fails: a lead left without an entry is found by the repair walk.
   */
  indexNew(id: string, meta: LeadMeta): Promise<void>;
  /** Replaces the lead only if it is unchanged since it was read with `etag`. */
  putIfMatch(
    id: string,
    sealed: string,
    meta: LeadMeta,
    etag: string,
  ): Promise<{ written: boolean; etag?: string }>;
  /**
   * Every lead, with its metadata: for the operator and checks, never for the sweep (it
   * reads every lead). A lead whose read fails is left out and told to `onError`.
   */
  list(options?: { onError?: (id: string, error: unknown) => void }): Promise<LeadSummary[]>;
  /** Leads with at least one of `channels` pending and due by `now` (a full scan, like `list`). */
  listDue(now: Date, channels: readonly string[]): Promise<LeadSummary[]>;
  /** Deletes the lead, its submission entry and its index entry, unconditionally. Deleting a missing lead is not an error. */
  delete(id: string): Promise<void>;
  /**
   * Ties a submission hash to `leadId` unless it is already tied to a lead; answers the
   * lead id the submission belongs to (ours, or the earlier one).
   */
  claimSubmission(hash: string, leadId: string): Promise<string>;
  /** `claimSubmission`, also saying whether the claim is ours just now (`fresh`: no lead can be behind it yet). */
  claim(hash: string, leadId: string): Promise<{ leadId: string; fresh: boolean }>;

  // The sweep's side (../delivery/sweep.ts).

  /** A lane's index entries due by `now`, oldest first; the listing stops at a page end once `more()` is false. */
  dueEntries(lane: Lane, now: Date, more: () => boolean): AsyncIterable<IndexEntry>;
  inspect(id: string): Promise<SweepRead>;
  /** Indexes the lead at `at` in `lane`, then drops `replaces` if that is another entry. */
  reindex(id: string, lane: Lane, at: number, replaces?: IndexEntry): Promise<void>;
  /** Writes the entry unless it is there already; true when it was missing. */
  ensureIndexed(id: string, lane: Lane, at: number): Promise<boolean>;
  /** Drops an entry, unless it is the one this store wrote for the lead's latest state. */
  dropEntry(entry: IndexEntry): Promise<void>;
  /** Deletes the lead only if unchanged since read with `etag` (see the header); `entries` go with it. */
  purge(
    id: string,
    etag: string,
    submission: string | null,
    entries: readonly IndexEntry[],
  ): Promise<'purged' | 'changed'>;
  /** Completes a purge that stopped after its tombstone. */
  finishPurge(id: string, submission: string | null, entries: readonly IndexEntry[]): Promise<void>;
  /** The next `limit` lead ids or submission hashes of a walk over all of them, in key order, wrapping around. */
  walk(walk: Walk, limit: number): Promise<string[]>;
  /** True while anything (a lead, or the tombstone of one being purged) is stored under the id. */
  exists(id: string): Promise<boolean>;
  getSubmission(hash: string): Promise<SubmissionEntry | null>;
  /** Records when an entry without a claim time was first seen, if it is unchanged. */
  stampSubmission(entry: SubmissionEntry, at: Date): Promise<boolean>;
  deleteSubmission(hash: string): Promise<void>;
}

export function openLeadsBlobStore(): Store {
  return getStore({ name: LEADS_STORE, consistency: 'strong', fetch: boundedFetch });
}

const LIST_CONCURRENCY = 8;
/** Versions whose index entry this store knows (by lead): enough for a sweep's worth of leads. */
const KNOWN_VERSIONS = 10_000;
/** The walks split the keys by their first hex digit, since a listing cannot start mid-way. */
const SHARDS = '0123456789abcdef';

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

type Metadata = Record<string, unknown>;

const isTombstone = (metadata: Metadata): boolean => typeof metadata['purging'] === 'string';
const tombstoneSubmission = (metadata: Metadata): string | null => {
  const value = metadata['submission'];
  return typeof value === 'string' && SUBMISSION_HASH.test(value) ? value : null;
};

interface Cursor {
  shard: number;
  after: string;
}

function parseCursor(text: string | null): Cursor {
  try {
    const value = JSON.parse(text ?? '') as Partial<Cursor>;
    const shard = Number.isInteger(value.shard) && value.shard! >= 0 && value.shard! < SHARDS.length;
    if (shard && typeof value.after === 'string') return { shard: value.shard!, after: value.after };
  } catch {
    // A missing or damaged cursor starts the walk over: it only costs a repeat.
  }
  return { shard: 0, after: '' };
}

/**
 * An outcome may leave the lead under the entry it already has, when that entry is no later
 * than the new one and the sweep would look soon anyway: the lead settled (the next sweep
 * reads it once to send what is owed and park it until its purge), or its next try is
 * minutes away. The first attempt after intake then costs no index writes; the sweep moves
 * the entry when it gets there.
 */
const KEEP_EARLIER_ENTRY_MS = 10 * 60_000;
function keepsEarlierEntry(previous: string | undefined, meta: LeadMeta, at: number): boolean {
  const entry = previous === undefined ? null : parseIndexKey(previous);
  if (entry === null || entry.lane !== 'due' || entry.at > at) return false;
  const settled = !Object.values(meta.channels).some((state) => state.status === 'pending');
  return settled || at - entry.at <= KEEP_EARLIER_ENTRY_MS;
}

/** `open` is called on first use, so a missing Blobs environment fails inside a request, not at import. */
export function createLeadStore(open: () => Store = openLeadsBlobStore): LeadStore {
  let cached: Store | undefined;
  const blobs = () => (cached ??= open());

  /** Lead id -> the version last read or written here and the index key that belongs to it. */
  const known = new Map<string, { etag: string; key: string }>();
  const remember = (id: string, etag: string, key: string) => {
    known.delete(id);
    known.set(id, { etag, key });
    if (known.size > KNOWN_VERSIONS) known.delete(known.keys().next().value!);
  };
  const rememberRead = (summary: LeadSummary) => {
    if (summary.meta)
      remember(summary.id, summary.etag, indexKey('due', indexTime(summary.meta), summary.id));
  };

  /** Index writes never fail a lead's write: a lead left without an entry is found by the repair walk. */
  const writeEntry = (key: string) =>
    blobs()
      .set(key, '')
      .then(
        () => true,
        () => false,
      );
  /** Entries this store deleted lately, so the sweep's own clean-up does not delete them twice. */
  const dropped = new Set<string>();
  const dropKey = async (key: string) => {
    dropped.add(key);
    if (dropped.size > KNOWN_VERSIONS) dropped.delete(dropped.values().next().value!);
    await blobs()
      .delete(key)
      .catch(() => undefined);
  };

  async function claim(hash: string, leadId: string): Promise<{ leadId: string; fresh: boolean }> {
    const key = submissionKey(hash);
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed = await blobs().set(key, leadId, {
        onlyIfNew: true,
        metadata: { claimedAt: new Date().toISOString() },
      });
      if (claimed.modified) return { leadId, fresh: true };
      const existing = await blobs().get(key, { type: 'text' });
      if (existing !== null && isLeadId(existing)) return { leadId: existing, fresh: false };
      // Deleted between our write and our read (a retention purge): claim again.
    }
    throw new Error('submission entry keeps changing');
  }

  async function getMeta(id: string, listedEtag?: string): Promise<LeadSummary | null> {
    const found = await getMetadataWithEtag(blobs(), leadKey(id), listedEtag);
    if (!found || isTombstone(found.metadata)) return null;
    const summary = { id, meta: parseMeta(found.metadata), etag: found.etag };
    rememberRead(summary);
    return summary;
  }

  async function list(options: { onError?: (id: string, error: unknown) => void } = {}) {
    const { blobs: entries } = await blobs().list({ prefix: LEAD_PREFIX });
    const leads = entries
      .map((entry) => ({ id: entry.key.slice(LEAD_PREFIX.length), etag: entry.etag }))
      .filter((entry) => isLeadId(entry.id));
    const summaries = await mapLimited(leads, LIST_CONCURRENCY, async (entry) => {
      try {
        return await getMeta(entry.id, entry.etag);
      } catch (error) {
        // One lead that cannot be read does not hide all the others.
        options.onError?.(entry.id, error);
        return null;
      }
    });
    // A lead deleted between listing and reading is simply gone.
    return summaries.filter((summary): summary is LeadSummary => summary !== null);
  }

  async function finishPurge(id: string, submission: string | null, entries: readonly IndexEntry[]) {
    // The pointer goes first: a crash in between leaves a tombstone the next sweep still
    // finds (through its index entry or the repair walk), never a pointer to nothing.
    if (submission) await blobs().delete(submissionKey(submission));
    await blobs().delete(leadKey(id));
    const keys = new Set(entries.map((entry) => entry.key));
    const mine = known.get(id);
    if (mine) keys.add(mine.key);
    known.delete(id);
    await Promise.all([...keys].map(dropKey));
  }

  async function* dueEntries(lane: Lane, now: Date, more: () => boolean): AsyncGenerator<IndexEntry> {
    for await (const page of blobs().list({ prefix: lanePrefix(lane), paginate: true })) {
      for (const blob of page.blobs) {
        const entry = parseIndexKey(blob.key);
        if (entry === null) continue;
        // Keys come in time order: the first entry not yet due ends the listing.
        if (entry.at > now.getTime()) return;
        yield entry;
      }
      if (!more()) return;
    }
  }

  async function walk(name: Walk, limit: number): Promise<string[]> {
    const prefix = name === 'lead' ? LEAD_PREFIX : SUBMISSION_PREFIX;
    const valid = name === 'lead' ? isLeadId : (value: string) => SUBMISSION_HASH.test(value);
    const cursorKey = `${CURSOR_PREFIX}${name}`;
    let { shard, after } = parseCursor(
      await blobs()
        .get(cursorKey, { type: 'text' })
        .catch(() => null),
    );
    const names: string[] = [];
    for (let visited = 0; visited < SHARDS.length && names.length < limit; visited++) {
      let full = false;
      for await (const page of blobs().list({ prefix: `${prefix}${SHARDS[shard]}`, paginate: true })) {
        for (const blob of page.blobs) {
          const value = blob.key.slice(prefix.length);
          if (value <= after || !valid(value)) continue;
          names.push(value);
          if (names.length >= limit) {
            after = value;
            full = true;
            break;
          }
        }
        if (full) break;
      }
      if (full) break;
      shard = (shard + 1) % SHARDS.length;
      after = '';
    }
    await blobs()
      .set(cursorKey, JSON.stringify({ shard, after }))
      .catch(() => undefined);
    return names;
  }

  return {
    async get(id, listedEtag) {
      const found = await getTextWithEtag(blobs(), leadKey(id), listedEtag);
      if (!found || isTombstone(found.metadata)) return null;
      const stored = { id, sealed: found.data, meta: parseMeta(found.metadata), etag: found.etag };
      rememberRead(stored);
      return stored;
    },

    getMeta: (id, listedEtag) => getMeta(id, listedEtag),

    async put(id, sealed, meta, options = {}) {
      const key = indexKey('due', indexTime(meta), id);
      if (!options.indexed) await writeEntry(key);
      const result = await blobs().set(leadKey(id), sealed, { metadata: { ...meta }, onlyIfNew: true });
      if (result.modified && result.etag) remember(id, result.etag, key);
      return result.etag === undefined
        ? { created: result.modified }
        : { created: result.modified, etag: result.etag };
    },

    async putIfMatch(id, sealed, meta, etag) {
      const at = indexTime(meta);
      const previous = known.get(id)?.etag === etag ? known.get(id)!.key : undefined;
      const key = keepsEarlierEntry(previous, meta, at) ? previous! : indexKey('due', at, id);
      if (key !== previous) await writeEntry(key);
      const result = await blobs().set(leadKey(id), sealed, { metadata: { ...meta }, onlyIfMatch: etag });
      if (result.modified && result.etag) {
        remember(id, result.etag, key);
        if (previous !== undefined && previous !== key) await dropKey(previous);
      }
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
      const found = await getMetadataWithEtag(blobs(), leadKey(id));
      if (!found) return;
      const meta = parseMeta(found.metadata);
      const submission = isTombstone(found.metadata) ? tombstoneSubmission(found.metadata) : meta?.submission;
      const entries = meta
        ? [{ key: indexKey('due', indexTime(meta), id), lane: 'due' as const, at: 0, id }]
        : [];
      await finishPurge(id, submission ?? null, entries);
    },

    async indexNew(id, meta) {
      await writeEntry(indexKey('due', indexTime(meta), id));
    },

    async claimSubmission(hash, leadId) {
      return (await claim(hash, leadId)).leadId;
    },

    claim: (hash, leadId) => claim(hash, leadId),

    dueEntries: (lane, now, more) => dueEntries(lane, now, more),

    async inspect(id) {
      const found = await getMetadataWithEtag(blobs(), leadKey(id));
      if (!found) return { kind: 'gone' };
      if (isTombstone(found.metadata))
        return { kind: 'purging', submission: tombstoneSubmission(found.metadata) };
      const lead = { id, meta: parseMeta(found.metadata), etag: found.etag };
      rememberRead(lead);
      return { kind: 'lead', lead };
    },

    async reindex(id, lane, at, replaces) {
      const key = indexKey(lane, at, id);
      const mine = known.get(id);
      if (mine) mine.key = key;
      if (replaces?.key === key) return;
      await blobs().set(key, '');
      if (replaces) await blobs().delete(replaces.key);
    },

    async ensureIndexed(id, lane, at) {
      const key = indexKey(lane, at, id);
      if ((await blobs().getMetadata(key)) !== null) return false;
      await blobs().set(key, '');
      return true;
    },

    async dropEntry(entry) {
      if (known.get(entry.id)?.key === entry.key || dropped.has(entry.key)) return;
      await blobs().delete(entry.key);
    },

    async purge(id, etag, submission, entries) {
      const tombstone = await blobs().set(leadKey(id), '', {
        metadata: { purging: new Date().toISOString(), submission },
        onlyIfMatch: etag,
      });
      if (!tombstone.modified) return 'changed';
      await finishPurge(id, submission, entries);
      return 'purged';
    },

    finishPurge,

    walk,

    async exists(id) {
      return (await blobs().getMetadata(leadKey(id))) !== null;
    },

    async getSubmission(hash) {
      const found = await getTextWithEtag(blobs(), submissionKey(hash));
      if (!found) return null;
      const claimed = found.metadata['claimedAt'];
      const claimedAt = typeof claimed === 'string' ? Date.parse(claimed) : NaN;
      return {
        hash,
        leadId: isLeadId(found.data) ? found.data : null,
        claimedAt: Number.isFinite(claimedAt) ? claimedAt : null,
        etag: found.etag,
      };
    },

    async stampSubmission(entry, at) {
      // Not ours (no lead id in it): left as it is.
      if (entry.leadId === null) return false;
      const result = await blobs().set(submissionKey(entry.hash), entry.leadId, {
        metadata: { claimedAt: at.toISOString() },
        onlyIfMatch: entry.etag,
      });
      return result.modified;
    },

    async deleteSubmission(hash) {
      await blobs().delete(submissionKey(hash));
    },
  };
}
