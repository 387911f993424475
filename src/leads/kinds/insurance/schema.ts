/**
 * THE coverage check schema (see /work/shared/insurance-contract.md). Name, phone, email,
 * call time and the hidden fields follow the callback's own rules (src/callback/schema.ts).
 * Browser-safe, like the callback's; the form's script uses the lighter ./client-checks.ts.
 */
import * as v from 'valibot';
import {
  blankToUndefined,
  choice,
  Email,
  FillMs,
  Name,
  Page,
  Phone,
  present,
  SubmissionId,
  Website,
} from '../../../callback/schema.ts';
import { CALL_TIMES, DEFAULT_CALL_TIME, LIMITS, YES } from '../../../callback/fields.ts';
import { characterCount, hasControlCharacters } from '../../../callback/text.ts';
import {
  birthDateProblem,
  DEFAULT_POLICYHOLDER,
  INSURANCE_LIMITS,
  INSURANCE_VISIBLE_FIELDS,
  OTHER_INSURER,
  PLAN_NUMBER,
  POLICYHOLDERS,
  US_STATES,
  type InsuranceField,
} from './fields.ts';
import { INSURANCE_MESSAGES as M } from './messages.ts';
import { INSURER_SLUGS } from './insurers.ts';

type BirthMessages = { required: string; invalid: string; future: string; tooOld: string };

function birthDate(messages: BirthMessages, today: () => Date) {
  return v.pipe(
    present,
    v.string(messages.required),
    v.trim(),
    v.nonEmpty(messages.required),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const problem = birthDateProblem(dataset.value, today());
      if (problem) addIssue({ message: messages[problem] });
    }),
  );
}

/** Optional text; '' and absent mean not given. */
const optionalText = (message: string) => v.pipe(present, v.string(message), v.trim(), blankToUndefined);

const OtherName = v.pipe(
  v.string(),
  v.check((text) => !hasControlCharacters(text), M.insurerOther.invalid),
  v.normalize('NFC'),
  v.check((text) => characterCount(text) <= INSURANCE_LIMITS.insurerOtherMax, M.insurerOther.tooLong),
);

const HolderName = v.pipe(
  v.string(),
  v.check((text) => !hasControlCharacters(text), M.policyholderName.invalid),
  v.normalize('NFC'),
  v.check((text) => characterCount(text) <= LIMITS.nameMax, M.policyholderName.tooLong),
);

const MemberId = v.pipe(
  present,
  v.string(M.memberId.required),
  v.trim(),
  v.nonEmpty(M.memberId.required),
  v.minLength(INSURANCE_LIMITS.memberIdMin, M.memberId.invalid),
  v.maxLength(INSURANCE_LIMITS.memberIdMax, M.memberId.invalid),
  v.regex(PLAN_NUMBER, M.memberId.invalid),
  // As admissions reads it to the insurer: capitals, no spaces (dashes stay).
  v.transform((text) => text.toUpperCase().replace(/ /g, '')),
);

const GroupNumber = v.pipe(
  optionalText(M.groupNumber.invalid),
  v.optional(
    v.pipe(
      v.string(),
      v.maxLength(INSURANCE_LIMITS.groupNumberMax, M.groupNumber.invalid),
      v.regex(PLAN_NUMBER, M.groupNumber.invalid),
    ),
  ),
);

const State = v.pipe(
  optionalText(M.state.invalid),
  v.transform((text) => text?.toUpperCase()),
  v.optional(v.picklist(US_STATES, M.state.invalid)),
);

const Consent = v.pipe(
  present,
  v.check((value) => value === YES || value === true, M.consent.required),
  v.transform((): true => true),
);

/** The schema with a given list of insurer slugs (the site's list by default) and clock. */
export function makeInsuranceSchema(
  insurerSlugs: readonly string[] = INSURER_SLUGS,
  today: () => Date = () => new Date(),
) {
  const base = v.object({
    name: Name,
    phone: Phone,
    email: Email,
    dateOfBirth: birthDate(M.dateOfBirth, today),
    insurer: v.pipe(
      present,
      v.string(M.insurer.required),
      v.trim(),
      v.nonEmpty(M.insurer.required),
      v.picklist([...insurerSlugs, OTHER_INSURER], M.insurer.invalid),
    ),
    insurerOther: optionalText(M.insurerOther.invalid),
    memberId: MemberId,
    groupNumber: GroupNumber,
    policyholder: v.pipe(
      choice(POLICYHOLDERS, M.policyholder.invalid),
      v.transform((who) => who ?? DEFAULT_POLICYHOLDER),
    ),
    policyholderName: optionalText(M.policyholderName.invalid),
    policyholderDateOfBirth: optionalText(M.policyholderDateOfBirth.invalid),
    state: State,
    callTime: v.pipe(
      choice(CALL_TIMES, M.callTime.invalid),
      v.transform((time) => time ?? DEFAULT_CALL_TIME),
    ),
    consent: Consent,
    website: Website,
    fillMs: FillMs,
    submissionId: SubmissionId,
    page: Page,
  });
  const holderBirth = birthDate(M.policyholderDateOfBirth, today);
  // The fields that depend on another: checked once the others pass, each with its own message.
  return v.pipe(
    base,
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const value = dataset.value;
      let failed = false;
      const fail = (field: InsuranceField, message: string) => {
        failed = true;
        addIssue({
          message,
          path: [
            {
              type: 'object',
              origin: 'value',
              input: value,
              key: field,
              value: value[field as keyof typeof value],
            },
          ],
        });
      };
      let insurerOther: string | undefined;
      if (value.insurer === OTHER_INSURER) {
        if (value.insurerOther === undefined) fail('insurerOther', M.insurerOther.required);
        else {
          const other = v.safeParse(OtherName, value.insurerOther, { abortPipeEarly: true });
          if (other.success) insurerOther = other.output;
          else fail('insurerOther', other.issues[0].message);
        }
      }
      let policyholderName: string | undefined;
      let policyholderDateOfBirth: string | undefined;
      if (value.policyholder !== 'self') {
        if (value.policyholderName === undefined) fail('policyholderName', M.policyholderName.required);
        else {
          const holder = v.safeParse(HolderName, value.policyholderName, { abortPipeEarly: true });
          if (holder.success) policyholderName = holder.output;
          else fail('policyholderName', holder.issues[0].message);
        }
        const birth = v.safeParse(holderBirth, value.policyholderDateOfBirth, { abortPipeEarly: true });
        if (birth.success) policyholderDateOfBirth = birth.output;
        else fail('policyholderDateOfBirth', birth.issues[0].message);
      }
      if (failed) return NEVER;
      // Fields that do not apply (another insurer's name, a plan holder who is the visitor) are dropped.
      return { ...value, insurerOther, policyholderName, policyholderDateOfBirth };
    }),
  );
}

export const InsuranceSchema = makeInsuranceSchema();
export type InsuranceSchemaType = ReturnType<typeof makeInsuranceSchema>;
export type Insurance = v.InferOutput<typeof InsuranceSchema>;
export type InsuranceErrors = Partial<Record<InsuranceField, string>>;
export type InsuranceValidation = { ok: true; value: Insurance } | { ok: false; errors: InsuranceErrors };

/** Validates and normalises; on failure, one plain message per field (the first problem). */
export function validateInsurance(
  input: unknown,
  schema: InsuranceSchemaType = InsuranceSchema,
): InsuranceValidation {
  const fields = typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {};
  const result = v.safeParse(schema, fields, { abortPipeEarly: true });
  if (result.success) return { ok: true, value: result.output };
  const errors: InsuranceErrors = {};
  for (const issue of result.issues) {
    const key = issue.path?.[0]?.key;
    if (typeof key !== 'string' || !(INSURANCE_VISIBLE_FIELDS as readonly string[]).includes(key)) continue;
    errors[key as InsuranceField] ??= issue.message;
  }
  return { ok: false, errors };
}
