/**
 * The coverage check kind ("Check my coverage", POST /api/insurance; see
 * /work/shared/insurance-contract.md). Everything but what is here is the one pipeline.
 */
import { insuranceDelivery } from './delivery.ts';
import type { LeadKind } from '../kind.ts';
import { INSURANCE_CONSENT_VERSION } from './consent.ts';
import { INSURANCE_FIELD_NAMES, INSURANCE_VISIBLE_FIELDS, OTHER_INSURER } from './fields.ts';
import { INSURERS } from './insurers.ts';
import type { InsuranceRecord } from './record.ts';
import {
  makeInsuranceSchema,
  validateInsurance,
  InsuranceSchema,
  type Insurance,
  type InsuranceSchemaType,
} from './schema.ts';

export const INSURANCE_FORM_PATH = '/insurance/';
export const INSURANCE_THANKS_PATH = '/insurance/thanks/';
export const INSURANCE_SUBMISSION_TAG = 'insurance-submission/v1';

const schemas = new Map<string, InsuranceSchemaType>();
function schemaFor(insurerSlugs: readonly string[] | undefined, now: Date | undefined): InsuranceSchemaType {
  if (insurerSlugs === undefined && now === undefined) return InsuranceSchema;
  if (now !== undefined) return makeInsuranceSchema(insurerSlugs, () => now);
  const cacheKey = insurerSlugs!.join('\n');
  let schema = schemas.get(cacheKey);
  if (!schema) schemas.set(cacheKey, (schema = makeInsuranceSchema(insurerSlugs)));
  return schema;
}

const insurerName = (slug: string): string =>
  slug === OTHER_INSURER ? 'Other' : (INSURERS.find((insurer) => insurer.slug === slug)?.name ?? slug);

// Every value admissions receives, in a fixed order (the compile-time check keeps it whole).
type SubmittedValues = Omit<InsuranceRecord, 'kind' | 'id' | 'receivedAt' | 'consent'>;
const FIELDS = [
  'name',
  'phone',
  'email',
  'dateOfBirth',
  'insurer',
  'insurerOther',
  'memberId',
  'groupNumber',
  'policyholder',
  'policyholderName',
  'policyholderDateOfBirth',
  'state',
  'callTime',
  'page',
] as const satisfies readonly (keyof SubmittedValues)[];
type Missing = Exclude<keyof SubmittedValues, (typeof FIELDS)[number]>;
const everyField: [Missing] extends [never] ? true : Missing = true;
void everyField;

export const insuranceKind: LeadKind<Insurance, InsuranceRecord> = {
  ...insuranceDelivery,
  formPath: INSURANCE_FORM_PATH,
  thanksPath: INSURANCE_THANKS_PATH,
  formName: 'coverage check form',
  purpose: 'ask us to check your coverage',
  consentVersion: INSURANCE_CONSENT_VERSION,
  visibleFields: INSURANCE_VISIBLE_FIELDS,
  fieldNames: INSURANCE_FIELD_NAMES,
  validate: (fields, options) => validateInsurance(fields, schemaFor(options.insurerSlugs, options.now)),
  buildRecord: ({ id, receivedAt, value, page }) => {
    const at = receivedAt.toISOString();
    // Field by field (no spread): a field added to the schema is not stored by accident.
    return {
      kind: 'insurance',
      id,
      receivedAt: at,
      name: value.name,
      phone: value.phone,
      email: value.email ?? null,
      dateOfBirth: value.dateOfBirth,
      insurer: { slug: value.insurer, name: insurerName(value.insurer) },
      insurerOther: value.insurerOther ?? null,
      memberId: value.memberId,
      groupNumber: value.groupNumber ?? null,
      policyholder: value.policyholder,
      policyholderName: value.policyholderName ?? null,
      policyholderDateOfBirth: value.policyholderDateOfBirth ?? null,
      state: value.state ?? null,
      callTime: value.callTime,
      consent: { version: INSURANCE_CONSENT_VERSION, at },
      page,
    };
  },
  submissionTag: INSURANCE_SUBMISSION_TAG,
  submissionText: (record) => JSON.stringify(FIELDS.map((field) => record[field])),
};
