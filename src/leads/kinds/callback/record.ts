/**
 * The lead as admissions receives it: the encrypted payload of every stored lead, and the
 * `data` of the webhook body. Nothing else from the request is kept.
 */
import * as v from 'valibot';
import { CALL_TIMES, FOR_WHOM, type CallTime, type ForWhom } from '../../../callback/fields.ts';
import type { Callback } from '../../../callback/schema.ts';

export interface LeadRecord {
  id: string;
  /** ISO 8601, UTC. */
  receivedAt: string;
  name: string;
  /** E.164, e.g. "+12025550142". */
  phone: string;
  email: string | null;
  callTime: CallTime;
  forWhom: ForWhom | null;
  program: string | null;
  voicemail: boolean;
  texts: boolean;
  /** Which consent text the visitor agreed to, and when (the moment the lead arrived). */
  consent: { version: string; at: string };
  /** Path of the page the form was sent from, when known. */
  page: string | null;
}

export function buildRecord(input: {
  id: string;
  receivedAt: Date;
  callback: Callback;
  consentVersion: string;
  page: string | null;
}): LeadRecord {
  const { callback } = input;
  const receivedAt = input.receivedAt.toISOString();
  // Listed field by field (no spread) so a field added to the schema is not stored by accident.
  return {
    id: input.id,
    receivedAt,
    name: callback.name,
    phone: callback.phone,
    email: callback.email ?? null,
    callTime: callback.callTime,
    forWhom: callback.forWhom ?? null,
    program: callback.program ?? null,
    voicemail: callback.voicemail,
    texts: callback.texts,
    consent: { version: input.consentVersion, at: receivedAt },
    page: input.page,
  };
}

/** Checks a decrypted record before anything trusts it (it may predate today's code). */
export const LeadRecordSchema = v.object({
  id: v.string(),
  receivedAt: v.pipe(v.string(), v.isoTimestamp()),
  name: v.string(),
  phone: v.pipe(v.string(), v.regex(/^\+1\d{10}$/)),
  email: v.nullable(v.string()),
  callTime: v.picklist(CALL_TIMES),
  forWhom: v.nullable(v.picklist(FOR_WHOM)),
  program: v.nullable(v.string()),
  voicemail: v.boolean(),
  texts: v.boolean(),
  consent: v.object({ version: v.string(), at: v.pipe(v.string(), v.isoTimestamp()) }),
  page: v.nullable(v.string()),
});
