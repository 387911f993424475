/**
 * Quick checks the form's script runs before sending, so a slow phone does not wait on
 * the network to learn a field is empty. They are a subset of the server schema (which
 * stays the authority) with the same messages, and are small enough for the browser
 * budget: no valibot, no phone metadata, only the required fields and a digit count.
 */
import { LIMITS, YES } from './fields.ts';
import { MESSAGES } from './messages.ts';
import { characterCount, hasControlCharacters } from './text.ts';

export type CheckedField = 'name' | 'phone' | 'email' | 'consent';
export type ClientErrors = Partial<Record<CheckedField, string>>;

const EXTENSION = /\d\s*(?:e?xt\.?|x|#)\s*\d/i;
// A NANP number: area code and exchange never start with 0 or 1.
const NANP = /^[2-9]\d\d[2-9]\d{6}$/;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

function text(fields: Readonly<Record<string, unknown>>, name: string): string {
  const value = fields[name];
  return typeof value === 'string' ? value.trim() : '';
}

function phoneMessage(raw: string): string | undefined {
  if (raw === '') return MESSAGES.phone.required;
  if (EXTENSION.test(raw)) return MESSAGES.phone.extension;
  let digits = raw.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  return raw.length <= LIMITS.phoneMax && NANP.test(digits) ? undefined : MESSAGES.phone.invalid;
}

/** Takes the form's values (e.g. `Object.fromEntries(new FormData(form))`); returns field → message. */
export function clientChecks(fields: Readonly<Record<string, unknown>>): ClientErrors {
  const errors: ClientErrors = {};

  const name = text(fields, 'name');
  if (name === '') errors.name = MESSAGES.name.required;
  else if (hasControlCharacters(name)) errors.name = MESSAGES.name.invalid;
  else if (characterCount(name) > LIMITS.nameMax) errors.name = MESSAGES.name.tooLong;

  const phone = phoneMessage(text(fields, 'phone'));
  if (phone) errors.phone = phone;

  const email = text(fields, 'email');
  if (email.length > LIMITS.emailMax) errors.email = MESSAGES.email.tooLong;
  else if (email !== '' && !EMAIL_SHAPE.test(email)) errors.email = MESSAGES.email.invalid;

  if (fields['consent'] !== YES) errors.consent = MESSAGES.consent.required;
  return errors;
}
