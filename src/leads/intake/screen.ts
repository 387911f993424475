/**
 * Spots automated posts: a filled honeypot, or a form sent under 3 s after it was first
 * touched. Such posts are answered exactly like accepted ones (so a bot learns nothing)
 * but are neither stored nor forwarded.
 *
 * The fill time is `fillMs`, one duration the form's script measured with one clock; the
 * server's clock plays no part, so a visitor whose phone clock is off is judged like any
 * other. No fillMs (no JavaScript, another client, an unreadable value) is not trapped.
 *
 * Runs on the raw fields, before validation, so a bot's invalid post also looks accepted.
 */
import * as v from 'valibot';
import { CallbackSchema } from '../../callback/schema.ts';
import type { RawFields } from './parse-body.ts';

export const MIN_FILL_MS = 3000;

export type ScreenResult = { pass: true } | { pass: false; reason: 'honeypot' | 'too_fast' };

// The schema's own readings of the two fields; neither can fail (each maps any value).
const Traps = v.pick(CallbackSchema, ['website', 'fillMs']);

export function screen(fields: RawFields): ScreenResult {
  const read = v.safeParse(Traps, fields);
  // Unreachable with the schema above; if it ever changes, a real lead must still pass.
  if (!read.success) return { pass: true };
  const { website, fillMs } = read.output;
  if (website !== '') return { pass: false, reason: 'honeypot' };
  if (fillMs !== undefined && fillMs < MIN_FILL_MS) return { pass: false, reason: 'too_fast' };
  return { pass: true };
}
