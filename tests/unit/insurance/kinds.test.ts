/**
 * One pipeline, several kinds: a stored record says its kind (none: a callback, as every
 * lead stored before kinds), and delivery and the operator command pick the kind's words.
 */
import { describe, expect, it } from 'vitest';
import { leadMail } from '../../../src/leads/channels/email-message.ts';
import { leadMessage } from '../../../src/leads/channels/webhook-payload.ts';
import { listLine, recordReport, stateReport } from '../../../src/leads/delivery/operator.ts';
import { insuranceKind } from '../../../src/leads/kinds/insurance/index.ts';
import { KINDS } from '../../../src/leads/kinds/registry.ts';
import { callbackKind } from '../../../src/leads/kinds/callback/index.ts';
import { initialMeta, parseMeta } from '../../../src/leads/storage/metadata.ts';
import { parseRecord } from '../../../src/leads/storage/record.ts';
import { validateInsurance } from '../../../src/leads/kinds/insurance/schema.ts';
import { makeLead, T0 } from '../delivery/support/leads.ts';
import { VALID_INSURANCE } from './support/fixtures.ts';

const check = () => {
  const result = validateInsurance(VALID_INSURANCE);
  if (!result.ok) throw new Error('VALID_INSURANCE must validate');
  return insuranceKind.buildRecord({
    id: crypto.randomUUID(),
    receivedAt: T0,
    value: result.value,
    page: '/insurance/',
  });
};
const ADDRESSES = { from: 'Leads <leads@center.test>', to: ['admissions@center.test'] };

describe('kinds', () => {
  it('a record without a kind (stored before kinds existed) reads as a callback', () => {
    const legacy = makeLead();
    expect('kind' in legacy).toBe(false);
    expect(parseRecord(JSON.parse(JSON.stringify(legacy)))).toEqual(legacy);
    expect(JSON.parse(leadMessage(legacy).body).type).toBe('callback.requested');
    expect(leadMail(legacy, ADDRESSES).subject).toMatch(/^New callback request /);
  });

  it('a coverage check reads back as one, and is sent with its own event and subject', () => {
    const record = check();
    expect(parseRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
    const body = JSON.parse(leadMessage(record).body) as { type: string; data: Record<string, unknown> };
    expect(body.type).toBe('insurance.verification_requested');
    expect(body.data).not.toHaveProperty('kind');
    const mail = leadMail(record, ADDRESSES);
    expect(mail.subject).toBe(`New coverage check ${record.id.slice(0, 8)}`);
    expect(mail.messageId).toBe(`<insurance-${record.id}@center.test>`);
  });

  it('a record of an unknown kind, or a callback that claims to be a coverage check, is not ours', () => {
    expect(parseRecord({ ...makeLead(), kind: 'survey' })).toBeNull();
    expect(parseRecord({ ...makeLead(), kind: 'insurance' })).toBeNull();
    expect(parseRecord('not an object')).toBeNull();
  });

  it('metadata carries the kind, except for callbacks, and the operator list shows it', () => {
    const callbackMeta = initialMeta({
      receivedAt: T0,
      consentVersion: 'c1',
      submission: null,
      channels: ['webhook'],
    });
    const insuranceMeta = initialMeta({
      kind: 'insurance',
      receivedAt: T0,
      consentVersion: 'i1',
      submission: null,
      channels: ['webhook'],
    });
    expect(callbackMeta).not.toHaveProperty('kind');
    expect(parseMeta(insuranceMeta)).toMatchObject({ kind: 'insurance' });
    expect(listLine('id-1', parseMeta(callbackMeta), T0)).toMatch(/ {2}callback$/);
    expect(listLine('id-2', parseMeta(insuranceMeta), T0)).toMatch(/ {2}insurance$/);
    expect(stateReport('id-2', parseMeta(insuranceMeta), T0)).toContain('kind      insurance');
    expect(recordReport(check())).toContain('member    XQZ7741-9023');
  });

  it('each kind has its own consent version, paths and submission tag', () => {
    const kinds = [callbackKind, insuranceKind];
    expect(kinds.map((kind) => kind.name).sort()).toEqual(Object.keys(KINDS).sort());
    for (const key of [
      'consentVersion',
      'thanksPath',
      'formPath',
      'submissionTag',
      'webhookEvent',
      'messageIdPrefix',
    ] as const)
      expect(new Set(kinds.map((kind) => kind[key])).size).toBe(kinds.length);
  });
});
