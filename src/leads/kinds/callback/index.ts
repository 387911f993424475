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
import { callbackDelivery } from './delivery.ts';
import type { LeadKind } from '../kind.ts';
import { buildRecord, type LeadRecord } from './record.ts';
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

export const callbackKind: LeadKind<Callback, LeadRecord> = {
  ...callbackDelivery,
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
};
