/**
 * THE callback schema: the server validates every lead with it. The form's browser script
 * uses `clientChecks` instead (same messages, a fraction of the size: libphonenumber's
 * metadata alone is ~29 KB gzipped, far over the script's budget).
 *
 * Browser-safe: no Node imports, so anything here can also run in a page.
 */
import * as v from 'valibot';
import {
  CALL_TIMES,
  DEFAULT_CALL_TIME,
  FOR_WHOM,
  LIMITS,
  VISIBLE_FIELDS,
  YES,
  type VisibleField,
} from './fields.ts';
import { MESSAGES } from './messages.ts';
import { parseUsPhone } from './phone.ts';
import { PROGRAM_SLUGS } from './programs.ts';
import { characterCount, hasControlCharacters } from './text.ts';

export { CONSENT_TEXT, CONSENT_VERSION } from './consent.ts';
export { clientChecks, type ClientErrors } from './client-checks.ts';
export {
  CALL_TIMES,
  DEFAULT_CALL_TIME,
  FIELD_NAMES,
  FOR_WHOM,
  HIDDEN_FIELDS,
  LIMITS,
  VISIBLE_FIELDS,
  YES,
  type CallTime,
  type FieldName,
  type ForWhom,
  type VisibleField,
} from './fields.ts';
export { MESSAGES } from './messages.ts';
export { PROGRAM_SLUGS } from './programs.ts';

// A missing key, null and an empty string mean the same to a person; mapping all three to
// '' lets each field answer with its own message instead of valibot's generic key error.
export const present = v.nullish(v.unknown(), '');
export const blankToUndefined = v.transform((text: string) => (text === '' ? undefined : text));

export const Name = v.pipe(
  present,
  v.string(MESSAGES.name.required),
  v.trim(),
  v.nonEmpty(MESSAGES.name.required),
  v.check((text) => !hasControlCharacters(text), MESSAGES.name.invalid),
  // One spelling per name, so "José" typed two ways is the same text for admissions.
  v.normalize('NFC'),
  v.check((text) => characterCount(text) <= LIMITS.nameMax, MESSAGES.name.tooLong),
);

export const Phone = v.pipe(
  present,
  v.string(MESSAGES.phone.required),
  v.trim(),
  v.nonEmpty(MESSAGES.phone.required),
  v.maxLength(LIMITS.phoneMax, MESSAGES.phone.invalid),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const result = parseUsPhone(dataset.value);
    if (result.ok) return result.e164;
    addIssue({ message: result.problem === 'extension' ? MESSAGES.phone.extension : MESSAGES.phone.invalid });
    return NEVER;
  }),
);

export const Email = v.pipe(
  present,
  v.string(MESSAGES.email.invalid),
  v.trim(),
  blankToUndefined,
  v.optional(
    v.pipe(v.string(), v.maxLength(LIMITS.emailMax, MESSAGES.email.tooLong), v.email(MESSAGES.email.invalid)),
  ),
);

export function choice<const T extends readonly string[]>(options: T, message: string) {
  return v.pipe(
    present,
    v.string(message),
    v.trim(),
    blankToUndefined,
    v.optional(v.picklist(options, message)),
  );
}

/** A checkbox: `yes` (or JSON `true`) ticks it; empty, `no` or `false` leave it clear. */
function flag(message: string) {
  return v.pipe(
    present,
    v.check(
      (value) => value === '' || value === 'no' || value === false || value === YES || value === true,
      message,
    ),
    v.transform((value) => value === YES || value === true),
  );
}

const Consent = v.pipe(
  present,
  v.check((value) => value === YES || value === true, MESSAGES.consent.required),
  v.transform((): true => true),
);

// Shared with the other request kinds (src/leads/kinds/*/schema.ts): same words, same rules.
// Hidden fields never produce a message: nobody can fix a value they cannot see. A bad
// value is treated as absent, or for the honeypot as filled.
export const Website = v.pipe(
  present,
  v.transform((value) => (typeof value === 'string' ? value : String(value))),
);

/**
 * Milliseconds from the first input to the submission, as the form's script measured them
 * with one clock (`performance.now()`), so the visitor's wall clock never matters. A JSON
 * number or a string of digits; anything else (a negative, a fraction as text, a word)
 * reads as absent, which the time trap lets through: a lost lead costs more than a stored
 * bot post. A fractional number is cut to whole milliseconds.
 */
export const FillMs = v.pipe(
  present,
  v.transform((value) => {
    const ms =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\d{1,16}$/.test(value.trim())
          ? Number(value)
          : NaN;
    return Number.isFinite(ms) && ms >= 0 ? Math.floor(ms) : undefined;
  }),
);

export const SubmissionId = v.pipe(
  present,
  v.transform((value) =>
    typeof value === 'string' && v.UUID_REGEX.test(value.trim()) ? value.trim().toLowerCase() : undefined,
  ),
);

/** Only a length bound here; whether it is a path on this site needs the request's origin. */
export const Page = v.pipe(
  present,
  v.transform((value) =>
    typeof value === 'string' && value.trim() !== '' && value.length <= LIMITS.pageMax
      ? value.trim()
      : undefined,
  ),
);

/** The schema with a given list of program slugs (the site's generated list by default). */
export function makeCallbackSchema(programSlugs: readonly string[] = PROGRAM_SLUGS) {
  return v.object({
    name: Name,
    phone: Phone,
    email: Email,
    callTime: v.pipe(
      choice(CALL_TIMES, MESSAGES.callTime.invalid),
      v.transform((time) => time ?? DEFAULT_CALL_TIME),
    ),
    forWhom: choice(FOR_WHOM, MESSAGES.forWhom.invalid),
    program: choice(programSlugs, MESSAGES.program.invalid),
    voicemail: flag(MESSAGES.voicemail.invalid),
    texts: flag(MESSAGES.texts.invalid),
    consent: Consent,
    website: Website,
    fillMs: FillMs,
    submissionId: SubmissionId,
    page: Page,
  });
}

export const CallbackSchema = makeCallbackSchema();
export type CallbackSchemaType = ReturnType<typeof makeCallbackSchema>;
export type Callback = v.InferOutput<typeof CallbackSchema>;
export type CallbackErrors = Partial<Record<VisibleField, string>>;
export type Validation = { ok: true; value: Callback } | { ok: false; errors: CallbackErrors };

/** Validates and normalises; on failure, one plain message per field (the first problem). */
export function validateCallback(input: unknown, schema: CallbackSchemaType = CallbackSchema): Validation {
  // Anything but a plain object is a form with every field left empty.
  const fields = typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {};
  const result = v.safeParse(schema, fields, { abortPipeEarly: true });
  if (result.success) return { ok: true, value: result.output };
  const nested = v.flatten<CallbackSchemaType>(result.issues).nested ?? {};
  const errors: CallbackErrors = {};
  for (const field of VISIBLE_FIELDS) {
    const message = nested[field]?.[0];
    if (message !== undefined) errors[field] = message;
  }
  return { ok: false, errors };
}
