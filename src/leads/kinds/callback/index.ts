/**
 * The callback kind ("Request a confidential callback", POST /api/callback). Its schema,
 * field names, messages and consent text stay in src/callback/, which the form's browser
 * script shares; this folder is what the pipeline needs besides.
 */
import {
  CONSENT_VERSION,
  makeCallbackSchema,
  validateCallback,
  CallbackSchema,
  VISIBLE_FIELDS,
  FIELD_NAMES,
  type Callback,
  type CallbackSchemaType,
} from '../../../callback/schema.ts';
import { centerTime } from '../../channels/center-time.ts';
import { shortId } from '../../channels/channel.ts';
import { CALL_TIME_LABELS, FOR_WHOM_LABELS, displayPhone, programLabel } from '../../channels/labels.ts';
import type { LeadKind } from '../kind.ts';
import { buildRecord, LeadRecordSchema, type LeadRecord } from './record.ts';
import { CALLBACK_SUBMISSION_TAG, canonicalValues } from './submission.ts';

export const CALLBACK_FORM_PATH = '/callback/';
export const CALLBACK_THANKS_PATH = '/callback/thanks/';

const schemas = new Map<string, CallbackSchemaType>();
function schemaFor(programSlugs: readonly string[] | undefined): CallbackSchemaType {
  if (programSlugs === undefined) return CallbackSchema;
  const cacheKey = programSlugs.join('\n');
  let schema = schemas.get(cacheKey);
  if (!schema) schemas.set(cacheKey, (schema = makeCallbackSchema(programSlugs)));
  return schema;
}

const yesNo = (allowed: boolean, yes: string, no: string) => (allowed ? yes : no);

export const callbackKind: LeadKind<Callback, LeadRecord> = {
  name: 'callback',
  formPath: CALLBACK_FORM_PATH,
  thanksPath: CALLBACK_THANKS_PATH,
  formName: 'callback form',
  purpose: 'ask for a callback',
  consentVersion: CONSENT_VERSION,
  visibleFields: VISIBLE_FIELDS,
  fieldNames: FIELD_NAMES,
  validate: (fields, options) => validateCallback(fields, schemaFor(options.programSlugs)),
  buildRecord: ({ id, receivedAt, value, page }) =>
    buildRecord({ id, receivedAt, callback: value, consentVersion: CONSENT_VERSION, page }),
  submissionTag: CALLBACK_SUBMISSION_TAG,
  submissionText: canonicalValues,
  recordSchema: LeadRecordSchema,
  webhookEvent: 'callback.requested',
  webhookData: (lead) => ({
    id: lead.id,
    receivedAt: lead.receivedAt,
    name: lead.name,
    phone: lead.phone,
    email: lead.email,
    callTime: lead.callTime,
    forWhom: lead.forWhom,
    program: lead.program,
    voicemail: lead.voicemail,
    texts: lead.texts,
    consent: { version: lead.consent.version, at: lead.consent.at },
    page: lead.page,
  }),
  mail: (lead, timeZone) => ({
    subject: `New callback request ${shortId(lead.id)}`,
    intro: 'A visitor asked for a confidential callback.',
    rows: [
      ['Name', lead.name],
      ['Phone', displayPhone(lead.phone)],
      ['Email', lead.email ?? 'not given'],
      ['Best time to call', CALL_TIME_LABELS[lead.callTime]],
      ['Calling about', lead.forWhom ? FOR_WHOM_LABELS[lead.forWhom] : 'not said'],
      ['Program of interest', lead.program ? programLabel(lead.program) : 'not chosen'],
      ['Voicemail', yesNo(lead.voicemail, 'may leave a voicemail', 'do NOT leave a voicemail')],
      ['Text messages', yesNo(lead.texts, 'welcome', 'do NOT text')],
      [
        'Consent',
        `agreed to consent text ${lead.consent.version} at ${centerTime(lead.consent.at, timeZone)}`,
      ],
      ['Sent from page', lead.page ?? 'unknown'],
      ['Received', centerTime(lead.receivedAt, timeZone)],
      ['Lead id', lead.id],
    ],
  }),
  messageIdPrefix: 'callback',
  report: (record) => [
    `  name      ${record.name}`,
    `  phone     ${record.phone}`,
    `  email     ${record.email ?? '-'}`,
    `  call      ${record.callTime}`,
    `  for       ${record.forWhom ?? '-'}`,
    `  program   ${record.program ?? '-'}`,
    `  voicemail ${record.voicemail ? 'yes' : 'no'}`,
    `  texts     ${record.texts ? 'yes' : 'no'}`,
    `  consent   ${record.consent.version} at ${record.consent.at}`,
    `  page      ${record.page ?? 'unknown'}`,
  ],
};
