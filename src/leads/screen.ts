/**
 * Spots automated posts: a filled honeypot, or a form sent under 3 s after it was first
 * touched. Such posts are answered exactly like accepted ones (so a bot learns nothing)
 * but are neither stored nor forwarded.
 *
 * Runs on the raw fields, before validation, so a bot's invalid post also looks accepted.
 */
import * as v from 'valibot';
import { CallbackSchema } from '../callback/schema.ts';
import type { RawFields } from './parse-body.ts';

export const MIN_FILL_MS = 3000;

export type ScreenResult = { pass: true } | { pass: false; reason: 'honeypot' | 'too_fast' };

// The schema's own readings of the two fields; neither can fail.
const Traps = v.pick(CallbackSchema, ['website', 'startedAt']);

export function screen(fields: RawFields, receivedAt: Date): ScreenResult {
  const { website, startedAt } = v.parse(Traps, fields);
  if (website !== '') return { pass: false, reason: 'honeypot' };
  if (startedAt !== undefined) {
    const elapsed = receivedAt.getTime() - startedAt;
    // A start time in the future means the visitor's clock runs ahead of ours; we cannot
    // tell how long they took, and a lost lead costs more than a stored bot post.
    if (elapsed >= 0 && elapsed < MIN_FILL_MS) return { pass: false, reason: 'too_fast' };
  }
  return { pass: true };
}
