/**
 * Every row of the contract's answer table, for form posts and for JSON.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../../src/callback/consent.ts';
import { MESSAGES } from '../../../src/callback/messages.ts';
import { escapeHtml } from '../../../src/leads/intake/answer-html.ts';
import { PROBLEM_TEXT } from '../../../src/leads/intake/answer-text.ts';
import { handleCallback } from '../../../src/leads/intake/handler.ts';
import { createRateLimiter } from '../../../src/leads/intake/rate-limit.ts';
import { openLead } from '../../../src/leads/storage/sealed-lead.ts';
import type { LeadStore } from '../../../src/leads/storage/store.ts';
import { site } from '../../../src/site.config.ts';
import { expectSafeHeaders, htmlBody, jsonBody } from './support/answers.ts';
import { startBlobs, type TestBlobs } from './support/blobs.ts';
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
} from './support/fixtures.ts';

let blobs: TestBlobs;
beforeAll(async () => {
  blobs = await startBlobs();
});
afterAll(async () => {
  await blobs.stop();
});
// A row that returns before its first expect must fail, not pass.
beforeEach(() => {
  expect.hasAssertions();
});

const leadIds = async (leads: LeadStore) => new Set((await leads.list()).map((lead) => lead.id));

/** The answer, plus the ids of leads the request added to the store. */
async function run(request: Request, overrides: Parameters<typeof makeDeps>[0] = {}) {
  const deps = await makeDeps(overrides);
  const before = await leadIds(deps.leads);
  const response = await handleCallback(request, randomIp(), deps);
  const added = [...(await leadIds(deps.leads))].filter((id) => !before.has(id));
  expectSafeHeaders(response);
  return { response, added, deps };
}

const acceptHeader = (encoding: Encoding): Record<string, string> =>
  encoding === 'json' ? { accept: 'application/json' } : {};

async function expectProblem(response: Response, encoding: Encoding, kind: keyof typeof PROBLEM_TEXT) {
  if (encoding === 'json') {
    expect(await jsonBody(response)).toEqual({ error: PROBLEM_TEXT[kind].error });
  } else {
    const html = await htmlBody(response);
    expect(html).toContain(escapeHtml(PROBLEM_TEXT[kind].title));
    expect(html).toContain(`href="tel:${site.admissions.phone.e164}"`);
  }
}

describe.each(ENCODINGS)('%s requests', (encoding) => {
  it('accepted: stores the lead, sealed, then answers 303 to the thanks page or 202 with the id', async () => {
    const receivedAt = new Date('2025-07-01T09:30:00.000Z');
    const { response, added } = await run(submit(encoding, VALID), { now: () => receivedAt });
    expect(added).toHaveLength(1);
    const id = added[0]!;
    if (encoding === 'form') {
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/callback/thanks/');
    } else {
      expect(response.status).toBe(202);
      expect(await jsonBody(response)).toEqual({ id });
    }
    expect(id).toMatch(UUID_V4);

    const deps = await makeDeps();
    const stored = (await deps.leads.get(id))!;
    expect(await openLead(await testKeys(), id, stored.sealed)).toEqual({
      id,
      receivedAt: receivedAt.toISOString(),
      name: VALID.name,
      phone: '+14155552671',
      email: VALID.email,
      callTime: 'evening',
      forWhom: 'loved-one',
      program: 'outpatient',
      voicemail: true,
      texts: true,
      consent: { version: CONSENT_VERSION, at: receivedAt.toISOString() },
      page: '/programs/outpatient/',
    });
    expect(stored.meta).toEqual({
      schema: 1,
      receivedAt: receivedAt.toISOString(),
      consentVersion: CONSENT_VERSION,
      submission: null,
      channels: {},
      flags: [],
    });
  });

  it('accepted with only the required fields: defaults fill the rest', async () => {
    const { added } = await run(submit(encoding, { name: 'Sam', phone: '202-555-0143', consent: 'yes' }));
    const deps = await makeDeps();
    const record = await openLead(await testKeys(), added[0]!, (await deps.leads.get(added[0]!))!.sealed);
    expect(record).toMatchObject({
      email: null,
      callTime: 'anytime',
      forWhom: null,
      program: null,
      voicemail: false,
      texts: false,
      page: null,
    });
  });

  it('records the page from a same-origin Referer when the form sends none, path only', async () => {
    const { page: _, ...fields } = VALID;
    const { added } = await run(submit(encoding, fields, { referer: `${ORIGIN}/programs/?name=Sam#form` }));
    const deps = await makeDeps();
    const stored = (await deps.leads.get(added[0]!))!;
    expect((await openLead(await testKeys(), added[0]!, stored.sealed)).page).toBe('/programs/');
  });

  it('invalid fields: 422 naming each problem in plain words, nothing stored', async () => {
    const { response, added } = await run(
      submit(encoding, { ...VALID, name: '', phone: '555-1234', email: 'nope', consent: '' }),
    );
    expect(response.status).toBe(422);
    expect(added).toEqual([]);
    const expected = {
      name: MESSAGES.name.required,
      phone: MESSAGES.phone.invalid,
      email: MESSAGES.email.invalid,
      consent: MESSAGES.consent.required,
    };
    if (encoding === 'json') {
      expect(await jsonBody(response)).toEqual({ errors: expected });
    } else {
      const html = await htmlBody(response);
      for (const message of Object.values(expected))
        expect(html).toContain(`<li>${escapeHtml(message)}</li>`);
      expect(html).toContain('href="/programs/outpatient/"');
      expect(html).toContain(
        `<a href="tel:${site.admissions.phone.e164}">${escapeHtml(site.admissions.phone.display)}</a>`,
      );
    }
  });

  it.each([
    ['honeypot filled', { website: 'https://spam.example' }],
    ['honeypot filled with a space', { website: ' ' }],
    ['sent 1 s after the form was touched', { fillMs: 1000 }],
    ['sent at the very moment the form was touched', { fillMs: 0 }],
    ['honeypot filled and fields invalid', { website: 'x', name: '', phone: 'x' }],
  ])('%s: looks accepted, nothing stored', async (_, extra) => {
    const now = new Date('2025-07-01T10:00:00Z');
    const fields: Record<string, unknown> = { ...VALID, ...extra };
    const { response, added } = await run(submit(encoding, fields), { now: () => now });
    expect(added).toEqual([]);
    if (encoding === 'form') {
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/callback/thanks/');
    } else {
      expect(response.status).toBe(202);
      expect((await jsonBody(response))['id']).toMatch(UUID_V4);
    }
  });

  it.each([
    ['3 s', 3_000],
    ['a minute', 60_000],
  ])('sent %s after the form was touched: stored', async (_, fillMs) => {
    const { added } = await run(submit(encoding, { ...VALID, fillMs }));
    expect(added).toHaveLength(1);
  });

  it('malformed body: 400', async () => {
    const body = encoding === 'json' ? '{"name": "Sam",' : 'name=Sam%zz';
    const { response, added } = await run(
      post(body, encodeFields(encoding, {}).contentType, { origin: ORIGIN }),
    );
    expect(response.status).toBe(400);
    expect(added).toEqual([]);
    await expectProblem(response, encoding, 'malformed');
  });

  it.each(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])(
    'method %s: 405 with Allow: POST',
    async (method) => {
      const request = post(
        method === 'GET' || method === 'HEAD' ? null : encodeFields(encoding, VALID).body,
        encodeFields(encoding, {}).contentType,
        acceptHeader(encoding),
        method,
      );
      const { response, added } = await run(request);
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      expect(added).toEqual([]);
      if (method !== 'HEAD') await expectProblem(response, encoding, 'method');
    },
  );

  it.each([['text/plain'], ['multipart/form-data; boundary=x'], ['application/xml'], [null]])(
    'content type %j: 415',
    async (contentType) => {
      const { response, added } = await run(
        post(encodeFields(encoding, VALID).body, contentType, acceptHeader(encoding)),
      );
      expect(response.status).toBe(415);
      expect(added).toEqual([]);
      await expectProblem(response, encoding, 'content_type');
    },
  );

  it.each([
    ['a declared length', true],
    ['no declared length (streamed)', false],
  ])('body over 16 KB with %s: 413', async (_, declared) => {
    const { body, contentType } = encodeFields(encoding, {
      ...VALID,
      email: `${'a'.repeat(16_500)}@example.org`,
    });
    const bytes = new TextEncoder().encode(body);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.slice(i, i + 1000));
        controller.close();
      },
    });
    const headers: Record<string, string> = { 'content-type': contentType };
    if (declared) headers['content-length'] = String(bytes.length);
    const request = new Request(`${ORIGIN}/api/callback`, {
      method: 'POST',
      body: stream,
      headers,
      duplex: 'half',
    } as RequestInit);
    const { response, added } = await run(request);
    expect(response.status).toBe(413);
    expect(added).toEqual([]);
    await expectProblem(response, encoding, 'too_large');
  });

  it('a body of exactly 16 KB is read', async () => {
    const base = encodeFields(encoding, { ...VALID, website: '' }).body;
    const baseBytes = new TextEncoder().encode(base).length;
    const padding = 16 * 1024 - baseBytes - (encoding === 'json' ? ',"x":""'.length : '&x='.length);
    const body =
      encoding === 'json'
        ? `${base.slice(0, -1)},"x":"${'p'.repeat(padding)}"}`
        : `${base}&x=${'p'.repeat(padding)}`;
    expect(new TextEncoder().encode(body).length).toBe(16 * 1024);
    const { response } = await run(post(body, encodeFields(encoding, {}).contentType, { origin: ORIGIN }));
    expect(response.status).toBe(encoding === 'json' ? 202 : 303);
  });

  it.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['an Origin that is not the site', { origin: 'https://evil.example' }],
    ['an opaque Origin from elsewhere', { origin: 'null', 'sec-fetch-site': 'cross-site' }],
  ])('%s: 403', async (_, headers) => {
    const { body, contentType } = encodeFields(encoding, VALID);
    const { response, added } = await run(post(body, contentType, headers));
    expect(response.status).toBe(403);
    expect(added).toEqual([]);
    await expectProblem(response, encoding, 'cross_site');
  });

  it('too many requests from one client: 429 with Retry-After', async () => {
    const now = new Date('2025-07-01T10:00:20Z');
    const deps = await makeDeps({ limiter: createRateLimiter({ limit: 2 }), now: () => now });
    const ip = randomIp();
    const send = () => handleCallback(submit(encoding, { ...VALID, name: '' }), ip, deps);
    expect((await send()).status).toBe(422);
    expect((await send()).status).toBe(422);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('40');
    expectSafeHeaders(limited);
    await expectProblem(limited, encoding, 'rate_limited');
    // Another client is not affected.
    expect((await handleCallback(submit(encoding, { ...VALID, name: '' }), randomIp(), deps)).status).toBe(
      422,
    );
  });

  it('an invalid program slug is refused; injected slugs are honoured', async () => {
    const refused = await run(submit(encoding, { ...VALID, program: 'detox' }));
    expect(refused.response.status).toBe(422);
    const allowed = await run(submit(encoding, { ...VALID, program: 'detox' }), { programSlugs: ['detox'] });
    expect(allowed.added).toHaveLength(1);
  });

  it('no encryption key: 503 telling the visitor to call, and a log line naming the setting', async () => {
    const log = captureLog();
    const { response, added } = await run(submit(encoding, VALID), {
      keys: { ok: false, problem: 'missing_setting' },
      log: log.logger,
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
    expect(added).toEqual([]);
    await expectProblem(response, encoding, 'unavailable');
    expect(log.lines.join('\n')).toContain('missing LEAD_ENCRYPTION_KEY');
  });
});

const BACK_LINKS = [
  ['the page field', { page: '/programs/' }, {}, '/programs/'],
  ['a same-origin Referer', {}, { referer: `${ORIGIN}/about/?x=1` }, '/about/'],
  ['nothing usable', { page: 'https://evil.example/' }, { referer: 'https://evil.example/x' }, '/callback/'],
] as const;

describe('the 422 answer and the page the form was sent from', () => {
  const { page: _, ...fields } = VALID;

  it.each(BACK_LINKS)('form: the page links back to %s', async (_name, extra, headers, href) => {
    const { response } = await run(submit('form', { ...fields, ...extra, name: '' }, headers));
    expect(response.status).toBe(422);
    expect(await htmlBody(response)).toContain(`<a href="${href}">Go back to the form</a>`);
  });

  it.each(BACK_LINKS)('json: only the errors, whatever %s says', async (_name, extra, headers) => {
    const { response } = await run(
      submit('json', { ...fields, ...extra, name: '' }, { ...headers, accept: 'application/json' }),
    );
    expect(response.status).toBe(422);
    expect(await jsonBody(response)).toEqual({ errors: { name: MESSAGES.name.required } });
  });
});

describe('after a lead is stored', () => {
  it('hands the new lead id to afterStore through waitUntil; not for repeats or screened posts', async () => {
    const calls: string[] = [];
    const waited: Promise<unknown>[] = [];
    const deps = {
      afterStore: async (id: string) => void calls.push(id),
      waitUntil: (work: Promise<unknown>) => void waited.push(work),
    };
    const submissionId = crypto.randomUUID();
    const first = await run(submit('json', { ...VALID, submissionId }), deps);
    await run(submit('json', { ...VALID, submissionId }), deps);
    await run(submit('json', { ...VALID, website: 'x' }), deps);
    await Promise.all(waited);
    expect(calls).toEqual(first.added);
    expect(waited).toHaveLength(1);
  });

  it('a failing afterStore is logged by id and does not change the answer', async () => {
    const log = captureLog();
    const waited: Promise<unknown>[] = [];
    const { response, added } = await run(submit('json', VALID), {
      log: log.logger,
      afterStore: () => Promise.reject(new TypeError(`could not reach ${VALID.name}`)),
      waitUntil: (work) => void waited.push(work),
    });
    await Promise.all(waited);
    expect(response.status).toBe(202);
    expect(log.events()).toContainEqual(
      expect.objectContaining({
        event: 'lead.after_store',
        outcome: 'failed',
        leadId: added[0],
        errorName: 'TypeError',
      }),
    );
    expect(log.lines.join('\n')).not.toContain('Marisol');
  });
});
