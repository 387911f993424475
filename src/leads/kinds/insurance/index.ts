/**
 * The coverage check kind ("Check my coverage", POST /api/insurance; see
 * /work/shared/insurance-contract.md). Everything but what is here is the one pipeline.
 */
import { centerTime } from '../../channels/center-time.ts';
import { shortId } from '../../channels/channel.ts';
import { CALL_TIME_LABELS, displayPhone } from '../../channels/labels.ts';
import type { LeadKind } from '../kind.ts';
import { INSURANCE_CONSENT_VERSION } from './consent.ts';
import {
  INSURANCE_FIELD_NAMES,
  INSURANCE_VISIBLE_FIELDS,
  OTHER_INSURER,
  type Policyholder,
} from './fields.ts';
import { INSURERS } from './insurers.ts';
import { InsuranceRecordSchema, type InsuranceRecord } from './record.ts';
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

const HOLDER_LABELS: Record<Policyholder, string> = {
  self: 'The visitor',
  spouse: 'Their spouse or partner',
  parent: 'Their parent',
  other: 'Someone else',
};

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
  name: 'insurance',
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
  recordSchema: InsuranceRecordSchema,
  webhookEvent: 'insurance.verification_requested',
  webhookData: (lead) => ({
    id: lead.id,
    receivedAt: lead.receivedAt,
    name: lead.name,
    phone: lead.phone,
    email: lead.email,
    dateOfBirth: lead.dateOfBirth,
    insurer: { slug: lead.insurer.slug, name: lead.insurer.name },
    insurerOther: lead.insurerOther,
    memberId: lead.memberId,
    groupNumber: lead.groupNumber,
    policyholder: lead.policyholder,
    policyholderName: lead.policyholderName,
    policyholderDateOfBirth: lead.policyholderDateOfBirth,
    state: lead.state,
    callTime: lead.callTime,
    consent: { version: lead.consent.version, at: lead.consent.at },
    page: lead.page,
  }),
  mail: (lead, timeZone) => ({
    subject: `New coverage check ${shortId(lead.id)}`,
    intro: 'A visitor asked us to check their insurance coverage and call back with the answer.',
    rows: [
      ['Name', lead.name],
      ['Phone', displayPhone(lead.phone)],
      ['Email', lead.email ?? 'not given'],
      ['Date of birth', lead.dateOfBirth],
      [
        'Insurance company',
        lead.insurerOther ? `${lead.insurer.name}: ${lead.insurerOther}` : lead.insurer.name,
      ],
      ['Member ID', lead.memberId],
      ['Group number', lead.groupNumber ?? 'not given'],
      ['Plan holder', HOLDER_LABELS[lead.policyholder]],
      ...(lead.policyholder === 'self'
        ? []
        : ([
            ["Plan holder's name", lead.policyholderName ?? 'not given'],
            ["Plan holder's date of birth", lead.policyholderDateOfBirth ?? 'not given'],
          ] as [string, string][])),
      ['State', lead.state ?? 'not given'],
      ['Best time to call', CALL_TIME_LABELS[lead.callTime]],
      [
        'Consent',
        `agreed to consent text ${lead.consent.version} at ${centerTime(lead.consent.at, timeZone)}`,
      ],
      ['Sent from page', lead.page ?? 'unknown'],
      ['Received', centerTime(lead.receivedAt, timeZone)],
      ['Lead id', lead.id],
    ],
  }),
  messageIdPrefix: 'insurance',
  report: (record) => [
    `  name      ${record.name}`,
    `  phone     ${record.phone}`,
    `  email     ${record.email ?? '-'}`,
    `  born      ${record.dateOfBirth}`,
    `  insurer   ${record.insurer.slug}${record.insurerOther ? ` (${record.insurerOther})` : ''}`,
    `  member    ${record.memberId}`,
    `  group     ${record.groupNumber ?? '-'}`,
    `  holder    ${record.policyholder}${record.policyholderName ? ` ${record.policyholderName} ${record.policyholderDateOfBirth}` : ''}`,
    `  state     ${record.state ?? '-'}`,
    `  call      ${record.callTime}`,
    `  consent   ${record.consent.version} at ${record.consent.at}`,
    `  page      ${record.page ?? 'unknown'}`,
  ],
};
