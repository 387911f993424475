/**
 * Every row of the contract's answer table for POST /api/insurance, for form posts and for
 * JSON, through the one pipeline with the insurance kind.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleCallback } from '../../../src/leads/intake/handler.ts';
import { createRateLimiter } from '../../../src/leads/intake/rate-limit.ts';
import { INSURANCE_CONSENT_VERSION } from '../../../src/leads/kinds/insurance/consent.ts';
import { INSURANCE_MESSAGES } from '../../../src/leads/kinds/insurance/messages.ts';
import { openRecord } from '../../../src/leads/storage/sealed-lead.ts';
import type { LeadStore } from '../../../src/leads/storage/store.ts';
import { escapeHtml } from '../../../src/leads/intake/answer-html.ts';
import { site } from '../../../src/site.config.ts';
import { expectSafeHeaders, htmlBody, jsonBody } from '../callback/support/answers.ts';
import { startBlobs, type TestBlobs } from '../callback/support/blobs.ts';
import {
  ENCODINGS,
  ORIGIN,
  UUID_V4,
  VALID,
  captureLog,
  encodeFields,
  makeDeps,
  post,
  randomIp,
  submit,
  testKeys,
  type Encoding,
} from '../callback/support/fixtures.ts';
import { handleInsurance, VALID_INSURANCE } from './support/fixtures.ts';

let blobs: TestBlobs;
beforeAll(async () => {
  blobs = await startBlobs();
});
afterAll(async () => {
  await blobs.stop();
});
beforeEach(() => {
  expect.hasAssertions();
});

const leadIds = async (leads: LeadStore) => new Set((await leads.list()).map((lead) => lead.id));

async function run(request: Request, overrides: Parameters<typeof makeDeps>[0] = {}, ip = randomIp()) {
  const deps = await makeDeps(overrides);
  const before = await leadIds(deps.leads);
  const response = await handleInsurance(request, ip, deps);
  const added = [...(await leadIds(deps.leads))].filter((id) => !before.has(id));
  expectSafeHeaders(response);
  return { response, added, deps };
}

const accept = (encoding: Encoding): Record<string, string> =>
  encoding === 'json' ? { accept: 'application/json' } : {};

describe.each(ENCODINGS)('%s', (encoding) => {
  it('accepted: stored once, sealed, with its kind; 303 to /insurance/thanks/ or 202 with the id', async () => {
    const receivedAt = new Date('2026-03-02T15:00:00.000Z');
    const { response, added, deps } = await run(submit(encoding, VALID_INSURANCE), { now: () => receivedAt });
    expect(added).toHaveLength(1);
    const id = added[0]!;
    if (encoding === 'form') {
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/insurance/thanks/');
    } else {
      expect(response.status).toBe(202);
      expect(await jsonBody(response)).toEqual({ id });
    }
    expect(id).toMatch(UUID_V4);
    const stored = (await deps.leads.get(id))!;
    expect(await openRecord(await testKeys(), id, stored.sealed)).toEqual({
      kind: 'insurance',
      id,
      receivedAt: receivedAt.toISOString(),
      name: VALID_INSURANCE.name,
      phone: '+14155552671',
      email: VALID_INSURANCE.email,
      dateOfBirth: '1987-06-19',
      insurer: { slug: 'sample-blue-plan', name: 'Sample Blue Health Plan' },
      insurerOther: null,
      memberId: 'XQZ7741-9023',
      groupNumber: 'GRP-55821',
      policyholder: 'spouse',
      policyholderName: 'Teodoro Quintanilla',
      policyholderDateOfBirth: '1984-11-02',
      state: 'CA',
      callTime: 'morning',
      consent: { version: INSURANCE_CONSENT_VERSION, at: receivedAt.toISOString() },
      page: '/insurance/',
    });
    expect(stored.meta).toMatchObject({
      schema: 1,
      kind: 'insurance',
      consentVersion: INSURANCE_CONSENT_VERSION,
    });
  });

  it('only the required fields: empty ones are null, the plan holder is the visitor', async () => {
    const { name, phone, dateOfBirth, insurer, memberId, consent } = VALID_INSURANCE;
    const { added, deps } = await run(
      submit(encoding, { name, phone, dateOfBirth, insurer, memberId, consent }),
    );
    const record = await openRecord(await testKeys(), added[0]!, (await deps.leads.get(added[0]!))!.sealed);
    expect(record).toMatchObject({
      email: null,
      groupNumber: null,
      insurerOther: null,
      policyholder: 'self',
      policyholderName: null,
      policyholderDateOfBirth: null,
      state: null,
      callTime: 'anytime',
    });
  });

  it('invalid fields: 422 naming each field with its message, nothing stored', async () => {
    const fields = { ...VALID_INSURANCE, dateOfBirth: '2199-01-01', memberId: '!', insurer: 'nope' };
    const { response, added } = await run(submit(encoding, fields, accept(encoding)));
    expect(response.status).toBe(422);
    expect(added).toEqual([]);
    const expected = {
      dateOfBirth: INSURANCE_MESSAGES.dateOfBirth.future,
      insurer: INSURANCE_MESSAGES.insurer.invalid,
      memberId: INSURANCE_MESSAGES.memberId.invalid,
    };
    if (encoding === 'json') expect(await jsonBody(response)).toEqual({ errors: expected });
    else {
      const html = await htmlBody(response);
      for (const message of Object.values(expected)) expect(html).toContain(escapeHtml(message));
      expect(html).toContain(`href="tel:${site.admissions.phone.e164}"`);
      expect(html).toContain('href="/insurance/"');
    }
  });

  it.each([
    ['honeypot filled', { website: 'http://spam.example' }],
    ['fillMs under 3 s', { fillMs: 1200 }],
  ])('%s: answered like an accepted one, nothing stored', async (_, extra) => {
    const { response, added } = await run(submit(encoding, { ...VALID_INSURANCE, ...extra }));
    expect(added).toEqual([]);
    if (encoding === 'form') expect(response.headers.get('location')).toBe('/insurance/thanks/');
    else expect((await jsonBody(response))['id']).toMatch(UUID_V4);
  });

  it('malformed body: 400', async () => {
    const body = encoding === 'json' ? '{"name":' : 'name=%E0%A4%A';
    const type = encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
    const { response, added } = await run(post(body, type, { origin: ORIGIN }));
    expect(response.status).toBe(400);
    expect(added).toEqual([]);
  });

  it('other methods: 405 with Allow: POST, naming this form', async () => {
    const { response } = await run(post(null, null, accept(encoding), 'GET'));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.text()).toContain('coverage check form');
  });

  it('another content type: 415', async () => {
    const { response } = await run(post('x', 'text/plain', { origin: ORIGIN, ...accept(encoding) }));
    expect(response.status).toBe(415);
  });

  it('a body over 16 KB: 413', async () => {
    const { body, contentType } = encodeFields(encoding, {
      ...VALID_INSURANCE,
      insurerOther: 'x'.repeat(17_000),
    });
    const { response, added } = await run(post(body, contentType, { origin: ORIGIN }));
    expect(response.status).toBe(413);
    expect(added).toEqual([]);
  });

  it('a cross-site post: 403', async () => {
    const { response, added } = await run(
      submit(encoding, VALID_INSURANCE, { 'sec-fetch-site': 'cross-site' }),
    );
    expect(response.status).toBe(403);
    expect(added).toEqual([]);
  });

  it('too many requests: 429 with Retry-After, one budget per client across kinds', async () => {
    const deps = await makeDeps({ limiter: createRateLimiter({ limit: 2 }) });
    const ip = randomIp();
    expect((await handleCallback(submit(encoding, VALID), ip, deps)).status).toBeLessThan(400);
    expect((await handleInsurance(submit(encoding, VALID_INSURANCE), ip, deps)).status).toBeLessThan(400);
    const limited = await handleInsurance(submit(encoding, VALID_INSURANCE), ip, deps);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await handleCallback(submit(encoding, VALID), ip, deps)).status).toBe(429);
  });

  it('the lead cannot be stored: 503 with Retry-After and the phone', async () => {
    const leads = await makeDeps().then((d) => d.leads);
    const broken: LeadStore = {
      ...leads,
      put: () => Promise.reject(new TypeError('store down')),
    };
    const log = captureLog();
    const { response } = await run(submit(encoding, VALID_INSURANCE), { leads: broken, log: log.logger });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
    expect(await response.text()).toContain(site.admissions.phone.display);
    expect(log.events()).toContainEqual(
      expect.objectContaining({ event: 'insurance.answered', status: 503, kind: 'insurance' }),
    );
  });
});

describe('idempotency', () => {
  it('the same submissionId and values: one lead; changed values: a new one', async () => {
    const deps = await makeDeps();
    const submissionId = crypto.randomUUID();
    const ids = [];
    for (const fields of [
      VALID_INSURANCE,
      VALID_INSURANCE,
      { ...VALID_INSURANCE, memberId: 'XQZ7741-9024' },
    ]) {
      const response = await handleInsurance(submit('json', { ...fields, submissionId }), randomIp(), deps);
      ids.push(((await response.json()) as { id: string }).id);
    }
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });
});
