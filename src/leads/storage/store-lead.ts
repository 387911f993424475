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
import { initialMeta } from './metadata.ts';
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

export async function storeRequest(
  deps: IntakeDeps,
  kind: AnyKind,
  value: KindValue,
  receivedAt: Date,
  page: string | null,
): Promise<IntakeResult> {
  let record = kind.buildRecord({ id: deps.newId(), receivedAt, value, page });
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
  if (hash !== null) {
    const claimed = await deps.leads.claimSubmission(hash, record.id);
    if ((await deps.leads.getMeta(claimed)) !== null) return { leadId: claimed, created: false };
    record = { ...record, id: claimed };
  }
  const meta = initialMeta({
    kind: kind.name,
    receivedAt,
    consentVersion: kind.consentVersion,
    submission: hash,
    channels: deps.channels,
  });
  const leadId = record.id;
  const { created, etag } = await deps.leads.put(leadId, await sealLead(deps.keys, record), meta);
  // Not created under a claimed id means a concurrent repeat stored it a moment ago.
  if (!created && hash === null) throw new Error('lead id already taken');
  return etag === undefined ? { leadId, created } : { leadId, created, etag };
}
