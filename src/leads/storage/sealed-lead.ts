/**
 * A lead record to and from its stored, sealed form. The delivery sweeper opens leads here.
 */
import type { LeadKeys } from './lead-key.ts';
import { parseRecord, type LeadRecord, type StoredRecord } from './record.ts';
import { open, seal, SealError } from './seal.ts';

export function sealLead(keys: LeadKeys, record: StoredRecord): Promise<string> {
  return seal(keys, record.id, JSON.stringify(record));
}

/** The record, checked by its kind's schema (see ./record.ts). */
export async function openRecord(keys: LeadKeys, leadId: string, sealed: string): Promise<StoredRecord> {
  const text = await open(keys, leadId, sealed);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SealError('sealed body is not a lead');
  }
  const record = parseRecord(data);
  if (record === null || record.id !== leadId) throw new SealError('sealed body is not a lead');
  return record;
}

/**
 * `openRecord` for callers that hold a callback (tests, tools written before kinds): the
 * same check; the type is theirs to be sure of. The pipeline itself uses `openRecord`.
 */
export const openLead = openRecord as (keys: LeadKeys, leadId: string, sealed: string) => Promise<LeadRecord>;
