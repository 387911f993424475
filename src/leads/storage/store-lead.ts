/**
 * Stores one validated request of any kind, once. With a submissionId, repeats (a double
 * tap, a retry after a timeout) resolve to the first lead's id and store nothing new. A
 * repeat is the same id with the same values (see submission.ts); the same id with changed
 * values (the page came back from the back/forward cache, a digit of the phone number
 * fixed) is a new lead under a new submission entry.
 *
 * The submission entry is claimed before the lead is written: if we crash in between, the
 * retry finds the claim, sees no lead behind it, and writes the lead under the claimed id.
 * Writing the lead first would let two concurrent repeats each store a lead. A retry has
 * the same values, so it finds the claim; a changed request never reaches it.
 */
import type { KindValue } from '../kinds/kind.ts';
import type { AnyKind } from '../kinds/registry.ts';
import type { LeadKeys } from './lead-key.ts';
import { initialMeta, type LeadMeta } from './metadata.ts';
import type { StoredRecord } from './record.ts';
import { sealLead } from './sealed-lead.ts';
import type { LeadStore } from './store.ts';
import { submissionHash } from './submission.ts';

export interface IntakeDeps {
  leads: LeadStore;
  keys: LeadKeys;
  newId: () => string;
  /** Delivery channels configured now; each starts pending. */
  channels: readonly string[];
}

export interface IntakeResult {
  leadId: string;
  /** False when this was a repeat of a lead already stored. */
  created: boolean;
  /** ETag of the lead just written, so the first delivery attempt can claim it without a listing. */
  etag?: string;
}

/** A validated request made ready to store: its record under a fresh id, its hash and metadata. */
export interface PreparedLead {
  record: StoredRecord;
  hash: string | null;
  meta: LeadMeta;
}

/** What the claim found: a repeat of a stored lead, or the record to write (under a claimed id). */
export type Claimed =
  | { repeat: true; leadId: string }
  | { repeat: false; record: StoredRecord; meta: LeadMeta; indexed: boolean };

/** No Blobs call: the record, its submission hash (with a submissionId) and its metadata. */
export async function prepareRequest(
  deps: IntakeDeps,
  kind: AnyKind,
  value: KindValue,
  receivedAt: Date,
  page: string | null,
): Promise<PreparedLead> {
  const record: StoredRecord = kind.buildRecord({ id: deps.newId(), receivedAt, value, page });
  // Only the submitted values of the record count, not its fresh id or arrival time.
  const hash =
    value.submissionId === undefined
      ? null
      : await submissionHash(
          deps.keys.submission,
          kind.submissionTag,
          value.submissionId,
          kind.submissionText(record),
        );
  const meta = initialMeta({
    kind: kind.name,
    receivedAt,
    consentVersion: kind.consentVersion,
    submission: hash,
    channels: deps.channels,
  });
  return { record, hash, meta };
}

/**
 * The claim, and the new lead's due entry, at once (one round trip). Only when the
 * submission was claimed before (a repeat, or a crash between claim and lead) is the
 * claimed lead looked up (a second one), and a claimed id without a lead gets its entry.
 */
export async function claimRequest(deps: IntakeDeps, prepared: PreparedLead): Promise<Claimed> {
  const { record, hash, meta } = prepared;
  const [claim] = await Promise.all([
    hash === null ? null : deps.leads.claim(hash, record.id),
    deps.leads.indexNew(record.id, meta),
  ]);
  if (claim === null || claim.fresh) return { repeat: false, record, meta, indexed: true };
  const [existing] = await Promise.all([
    deps.leads.getMeta(claim.leadId),
    deps.leads.indexNew(claim.leadId, meta),
  ]);
  if (existing !== null) return { repeat: true, leadId: claim.leadId };
  return { repeat: false, record: { ...record, id: claim.leadId }, meta, indexed: true };
}

/** Seals and writes the lead: from here on it is accepted. */
export async function writeRequest(
  deps: IntakeDeps,
  claimed: Claimed,
  hash: string | null,
): Promise<IntakeResult> {
  if (claimed.repeat) return { leadId: claimed.leadId, created: false };
  const leadId = claimed.record.id;
  const { created, etag } = await deps.leads.put(
    leadId,
    await sealLead(deps.keys, claimed.record),
    claimed.meta,
    {
      indexed: claimed.indexed,
    },
  );
  // Not created under a claimed id means a concurrent repeat stored it a moment ago.
  if (!created && hash === null) throw new Error('lead id already taken');
  return etag === undefined ? { leadId, created } : { leadId, created, etag };
}

/** All three steps in a row (the handler runs the first two alongside the rate limit). */
export async function storeRequest(
  deps: IntakeDeps,
  kind: AnyKind,
  value: KindValue,
  receivedAt: Date,
  page: string | null,
): Promise<IntakeResult> {
  const prepared = await prepareRequest(deps, kind, value, receivedAt, page);
  return writeRequest(deps, await claimRequest(deps, prepared), prepared.hash);
}
