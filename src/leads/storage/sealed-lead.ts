/**
 * A lead record to and from its stored, sealed form. The delivery sweeper opens leads here.
 */
import * as v from 'valibot';
import type { LeadKeys } from './lead-key.ts';
import { LeadRecordSchema, type LeadRecord } from './record.ts';
import { open, seal, SealError } from './seal.ts';

export function sealLead(keys: LeadKeys, record: LeadRecord): Promise<string> {
  return seal(keys, record.id, JSON.stringify(record));
}

export async function openLead(keys: LeadKeys, leadId: string, sealed: string): Promise<LeadRecord> {
  const text = await open(keys, leadId, sealed);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SealError('sealed body is not a lead');
  }
  const result = v.safeParse(LeadRecordSchema, data);
  if (!result.success || result.output.id !== leadId) throw new SealError('sealed body is not a lead');
  return result.output;
}
