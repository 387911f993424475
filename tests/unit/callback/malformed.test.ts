/**
 * Bodies of every broken kind, through the whole pipeline: each gets its contract answer
 * and none stores anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/callback/messages.ts';
import { handleCallback } from '../../../src/leads/intake/handler.ts';
import { open } from '../../../src/leads/storage/seal.ts';
import { expectSafeHeaders } from './support/answers.ts';
import { startBlobs, type TestBlobs } from './support/blobs.ts';
import {
  ORIGIN,
  VALID,
  captureLog,
  encodeFields,
  makeDeps,
  post,
  randomIp,
  testKeys,
} from './support/fixtures.ts';

let blobs: TestBlobs;
beforeAll(async () => {
  blobs = await startBlobs();
});
afterAll(async () => {
  await blobs.stop();
});

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const json = (value: unknown) => JSON.stringify(value);
const form = (fields: Record<string, unknown>) => encodeFields('form', fields).body;

async function send(body: BodyInit, contentType: string) {
  const log = captureLog();
  const deps = await makeDeps({ log: log.logger });
  const before = (await deps.leads.list()).length;
  const response = await handleCallback(post(body, contentType, { origin: ORIGIN }), randomIp(), deps);
  expectSafeHeaders(response);
  return { response, stored: (await deps.leads.list()).length - before, deps, log };
}

describe.each([
  ['broken JSON', JSON_TYPE, '{"name":"Sam","phone":'],
  ['JSON with a trailing comma', JSON_TYPE, '{"name":"Sam",}'],
  ['a JSON array', JSON_TYPE, json([VALID])],
  ['a JSON string', JSON_TYPE, json('name=Sam')],
  ['JSON null', JSON_TYPE, 'null'],
  ['an empty JSON body', JSON_TYPE, ''],
  ['a nested object in a field', JSON_TYPE, json({ ...VALID, name: { first: 'Sam' } })],
  ['an array in a field', JSON_TYPE, json({ ...VALID, phone: ['4155552671'] })],
  ['a duplicate JSON key', JSON_TYPE, '{"name":"A","phone":"4155552671","consent":"no","consent":"yes"}'],
  ['a duplicate form field', FORM, `${form(VALID)}&consent=yes`],
  ['bad percent-encoding', FORM, `${form(VALID)}&note=%E2%82`],
  ['a stray percent sign', FORM, 'name=100%&phone=4155552671&consent=yes'],
  [
    'bytes that are not UTF-8 (form)',
    FORM,
    new Uint8Array([...new TextEncoder().encode('name='), 0xc3, 0x28]),
  ],
  ['bytes that are not UTF-8 (JSON)', JSON_TYPE, new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])],
])('%s', (_, contentType, body) => {
  it('answers 400 and stores nothing', async () => {
    const { response, stored } = await send(body, contentType);
    expect(response.status).toBe(400);
    expect(stored).toBe(0);
    if (contentType === JSON_TYPE) expect(await response.json()).toEqual({ error: expect.any(String) });
  });
});

describe.each([
  ['form', FORM],
  ['json', JSON_TYPE],
] as const)('%s validation of odd values', (encoding, contentType) => {
  const body = (fields: Record<string, unknown>) => encodeFields(encoding, fields).body;

  it.each([
    [
      'an empty body',
      '',
      { name: MESSAGES.name.required, phone: MESSAGES.phone.required, consent: MESSAGES.consent.required },
    ],
    ['a huge name', body({ ...VALID, name: 'N'.repeat(10_000) }), { name: MESSAGES.name.tooLong }],
    ['a huge phone', body({ ...VALID, phone: '4'.repeat(5_000) }), { phone: MESSAGES.phone.invalid }],
    [
      'a control character in the name',
      body({ ...VALID, name: 'Sam\u0000Lee' }),
      { name: MESSAGES.name.invalid },
    ],
    [
      'a header injection in the name',
      body({ ...VALID, name: 'Sam\r\nBcc: all@example.org' }),
      { name: MESSAGES.name.invalid },
    ],
  ])('%s: 422 naming the field', async (_, text, errors) => {
    if (encoding === 'json' && text === '') return; // an empty JSON body is malformed, covered above
    const { response, stored } = await send(text, contentType);
    expect(response.status).toBe(422);
    expect(stored).toBe(0);
    if (encoding === 'json') expect(await response.json()).toEqual({ errors });
  });
});

describe('wrong JSON types', () => {
  it.each([
    ['a number for the name', { name: 42 }, { name: MESSAGES.name.required }],
    ['a number for the phone', { phone: 4155552671 }, { phone: MESSAGES.phone.required }],
    ['a boolean for the email', { email: true }, { email: MESSAGES.email.invalid }],
    ['a number for callTime', { callTime: 1 }, { callTime: MESSAGES.callTime.invalid }],
    ['a string for consent other than yes', { consent: 'true' }, { consent: MESSAGES.consent.required }],
    ['null for the name', { name: null }, { name: MESSAGES.name.required }],
  ])('%s: 422', async (_, change, errors) => {
    const { response, stored } = await send(json({ ...VALID, ...change }), JSON_TYPE);
    expect(response.status).toBe(422);
    expect(stored).toBe(0);
    expect(await response.json()).toEqual({ errors });
  });

  it.each([
    ['JSON true for checkboxes', { voicemail: true, texts: false, consent: true }],
    ['a number for startedAt', { startedAt: 1 }],
    ['null for optional fields', { email: null, program: null, forWhom: null }],
  ])('%s: accepted', async (_, change) => {
    const { response, stored } = await send(json({ ...VALID, ...change }), JSON_TYPE);
    expect(response.status).toBe(202);
    expect(stored).toBe(1);
  });
});

// Written out by hand: as an object literal `__proto__` would set the prototype and never
// be sent. Each value is searched for in everything the lead left behind.
const UNKNOWN_JSON =
  '"ssn":"078-05-1120","diagnosis":"SECRET-DIAGNOSIS","__proto__":"polluted","constructor":"x"';
const UNKNOWN_FORM = 'ssn=078-05-1120&diagnosis=SECRET-DIAGNOSIS&__proto__=polluted&constructor=x';
const RECORD_KEYS = [
  'id',
  'receivedAt',
  'name',
  'phone',
  'email',
  'callTime',
  'forWhom',
  'program',
  'voicemail',
  'texts',
  'consent',
  'page',
].sort();

describe.each([
  ['form', FORM],
  ['json', JSON_TYPE],
] as const)('%s unknown fields', (encoding, contentType) => {
  it('are dropped and never stored', async () => {
    const text =
      encoding === 'json' ? `${json(VALID).slice(0, -1)},${UNKNOWN_JSON}}` : `${form(VALID)}&${UNKNOWN_FORM}`;
    // The request really carries them.
    expect(text).toContain('SECRET-DIAGNOSIS');
    expect(text).toContain('__proto__');
    const leadId = crypto.randomUUID();
    const log = captureLog();
    const deps = await makeDeps({ log: log.logger, newId: () => leadId });
    const response = await handleCallback(post(text, contentType, { origin: ORIGIN }), randomIp(), deps);
    expect(response.status).toBe(encoding === 'json' ? 202 : 303);
    // This request's own lead, read back by the id it was given.
    const stored = (await deps.leads.get(leadId))!;
    expect(stored).not.toBeNull();
    // The decrypted text as stored, not the parsed record (whose schema drops unknown keys).
    const plaintext = await open(await testKeys(), leadId, stored.sealed);
    expect(Object.keys(JSON.parse(plaintext) as object).sort()).toEqual(RECORD_KEYS);
    const everything = [plaintext, JSON.stringify(stored.meta), ...log.lines].join('\n');
    expect(everything).toContain(leadId);
    expect(everything).not.toMatch(/078-05-1120|SECRET-DIAGNOSIS|polluted|ssn|diagnosis|constructor/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
