/**
 * Each field rule of the coverage check contract, as a table: the value, and the message
 * (or the stored value) it gives.
 */
import { describe, expect, it } from 'vitest';
import {
  INSURANCE_CONSENT_TEXT,
  INSURANCE_CONSENT_VERSION,
} from '../../../src/leads/kinds/insurance/consent.ts';
import { CONSENT_VERSION } from '../../../src/callback/consent.ts';
import { createHash } from 'node:crypto';
import { INSURANCE_MESSAGES as M } from '../../../src/leads/kinds/insurance/messages.ts';
import { makeInsuranceSchema, validateInsurance } from '../../../src/leads/kinds/insurance/schema.ts';
import { VALID_INSURANCE } from './support/fixtures.ts';

const TODAY = new Date('2026-03-02T12:00:00Z');
const schema = makeInsuranceSchema(undefined, () => TODAY);
const check = (fields: Record<string, unknown>) =>
  validateInsurance({ ...VALID_INSURANCE, ...fields }, schema);
const SELF = { policyholder: 'self', policyholderName: '', policyholderDateOfBirth: '' };

type Row = [string, Record<string, unknown>, string, string | undefined];

describe.each<Row>([
  // field, change, field with the message, message (undefined: accepted)
  ['name required', { name: '  ' }, 'name', M.name.required],
  ['name with a control character', { name: 'Ana\u0007' }, 'name', M.name.invalid],
  ['phone required', { phone: '' }, 'phone', M.phone.required],
  ['phone not a US number', { phone: '+44 20 7946 0958' }, 'phone', M.phone.invalid],
  ['email invalid', { email: 'nope@' }, 'email', M.email.invalid],
  ['dateOfBirth required', { dateOfBirth: '' }, 'dateOfBirth', M.dateOfBirth.required],
  ['dateOfBirth not ISO', { dateOfBirth: '06/19/1987' }, 'dateOfBirth', M.dateOfBirth.invalid],
  ['dateOfBirth not a real day', { dateOfBirth: '2023-02-29' }, 'dateOfBirth', M.dateOfBirth.invalid],
  ['dateOfBirth in the future', { dateOfBirth: '2026-03-03' }, 'dateOfBirth', M.dateOfBirth.future],
  ['dateOfBirth today (age 0)', { dateOfBirth: '2026-03-02' }, 'dateOfBirth', undefined],
  ['dateOfBirth age 120', { dateOfBirth: '1906-03-03' }, 'dateOfBirth', undefined],
  ['dateOfBirth over 120', { dateOfBirth: '1905-03-02' }, 'dateOfBirth', M.dateOfBirth.tooOld],
  ['insurer required', { insurer: '' }, 'insurer', M.insurer.required],
  ['insurer not in the list', { insurer: 'acme' }, 'insurer', M.insurer.invalid],
  [
    'insurer other without a name',
    { insurer: 'other', insurerOther: ' ' },
    'insurerOther',
    M.insurerOther.required,
  ],
  [
    'insurer other, name too long',
    { insurer: 'other', insurerOther: 'x'.repeat(101) },
    'insurerOther',
    M.insurerOther.tooLong,
  ],
  [
    'insurer other, control character',
    { insurer: 'other', insurerOther: 'A\u202eB' },
    'insurerOther',
    M.insurerOther.invalid,
  ],
  [
    'insurer other, 100 characters',
    { insurer: 'other', insurerOther: 'x'.repeat(100) },
    'insurerOther',
    undefined,
  ],
  ['memberId required', { memberId: '' }, 'memberId', M.memberId.required],
  ['memberId too short', { memberId: 'A1' }, 'memberId', M.memberId.invalid],
  ['memberId too long', { memberId: 'A'.repeat(31) }, 'memberId', M.memberId.invalid],
  ['memberId with other characters', { memberId: 'ABC/123' }, 'memberId', M.memberId.invalid],
  ['groupNumber too long', { groupNumber: '1'.repeat(31) }, 'groupNumber', M.groupNumber.invalid],
  ['groupNumber with other characters', { groupNumber: 'G#1' }, 'groupNumber', M.groupNumber.invalid],
  ['groupNumber empty', { groupNumber: '' }, 'groupNumber', undefined],
  ['policyholder unknown', { policyholder: 'boss' }, 'policyholder', M.policyholder.invalid],
  ['policyholder name needed', { policyholderName: '' }, 'policyholderName', M.policyholderName.required],
  [
    'policyholder birth needed',
    { policyholderDateOfBirth: '' },
    'policyholderDateOfBirth',
    M.policyholderDateOfBirth.required,
  ],
  [
    'policyholder birth in the future',
    { policyholderDateOfBirth: '2030-01-01' },
    'policyholderDateOfBirth',
    M.policyholderDateOfBirth.future,
  ],
  ['self needs neither', SELF, 'policyholderName', undefined],
  ['state unknown', { state: 'ZZ' }, 'state', M.state.invalid],
  ['state a territory', { state: 'pr' }, 'state', undefined],
  ['callTime unknown', { callTime: 'midnight' }, 'callTime', M.callTime.invalid],
  ['consent missing', { consent: '' }, 'consent', M.consent.required],
  ['consent JSON true', { consent: true }, 'consent', undefined],
])('%s', (_, change, field, message) => {
  it(message === undefined ? 'is accepted' : 'names the field with its message, and only it', () => {
    const result = check(change);
    if (message === undefined) expect(result).toMatchObject({ ok: true });
    else expect(result).toEqual({ ok: false, errors: { [field]: message } });
  });
});

describe('stored values', () => {
  it.each<[Record<string, unknown>, Record<string, unknown>]>([
    [{ memberId: ' ab 12-cd ' }, { memberId: 'AB12-CD' }],
    [{ state: 'ny' }, { state: 'NY' }],
    [{ ...SELF, policyholderName: 'Left over' }, { policyholderName: undefined }],
    [{ insurerOther: 'Left over' }, { insurerOther: undefined }],
    [{ insurer: 'other', insurerOther: ' Acme Health ' }, { insurerOther: 'Acme Health' }],
  ])('%j -> %j', (change, stored) => {
    const result = check(change);
    expect(result.ok && result.value).toMatchObject(stored);
  });
  it('an empty policyholder is the visitor', () => {
    const result = check({ ...SELF, policyholder: '' });
    expect(result.ok && result.value.policyholder).toBe('self');
  });
});

describe('consent text', () => {
  it('has its own version, which names this exact text', () => {
    const hash = createHash('sha256').update(INSURANCE_CONSENT_TEXT).digest('hex').slice(0, 12);
    expect(INSURANCE_CONSENT_VERSION).toBe(`i1-${hash}`);
    expect(INSURANCE_CONSENT_VERSION).not.toBe(CONSENT_VERSION);
  });
});
