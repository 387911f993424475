/**
 * A stored record, whatever its kind: the encrypted payload of every lead. Each kind
 * defines its own fields and checks (src/leads/kinds/<kind>/); the record says its kind
 * (`kind`; absent on callbacks, which is how every lead stored before kinds existed reads).
 */
import * as v from 'valibot';
import { KIND_NAMES, type BaseRecord } from '../kinds/kind.ts';
import { KINDS } from '../kinds/registry.ts';

export type { LeadRecord } from '../kinds/callback/record.ts';
export type StoredRecord = BaseRecord;

const KindField = v.object({ kind: v.optional(v.picklist(KIND_NAMES)) });

/** The record checked by its kind's schema, or null when it is not one of ours. */
export function parseRecord(data: unknown): StoredRecord | null {
  const tagged = v.safeParse(KindField, data);
  if (!tagged.success) return null;
  const kind = KINDS[tagged.output.kind ?? 'callback'];
  const result = v.safeParse(kind.recordSchema, data);
  return result.success ? (result.output as StoredRecord) : null;
}
