/**
 * Whatever arrives, the handler answers: no throw, no 5xx while the store works, and
 * the contract's headers on every answer.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_NAMES } from '../../../src/callback/fields.ts';
import { handleCallback, type CallbackDeps } from '../../../src/leads/intake/handler.ts';
import { expectSafeHeaders } from './support/answers.ts';
import { startBlobs, type TestBlobs } from './support/blobs.ts';
import { ENDPOINT, ORIGIN, VALID, captureLog, encodeFields, makeDeps } from './support/fixtures.ts';

let blobs: TestBlobs;
let deps: CallbackDeps;
beforeAll(async () => {
  blobs = await startBlobs();
  deps = await makeDeps({ log: captureLog().logger });
});
afterAll(async () => {
  await blobs.stop();
});

const headerValue = fc
  .string({ unit: 'binary-ascii', maxLength: 60 })
  .map((text) => text.replace(/[^\x20-\x7e]/g, ''));

const scalar = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    'yes',
    'no',
    '',
    ' ',
    '+1 202 555 0143',
    '(415) 555-2671',
    'x@y.org',
    'evening',
    'self',
    'outpatient',
  ),
);
const anyValue = fc.oneof(
  { weight: 8, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 3 }),
  },
);

// Mostly the real fields (so some posts get as far as storage), some stray ones.
const fields = fc.dictionary(
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...FIELD_NAMES) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  ),
  anyValue,
  { maxKeys: 14 },
);
const fewChanges = fc.dictionary(fc.constantFrom(...FIELD_NAMES), anyValue, { maxKeys: 2 });
const nearlyValid = fc
  .record({ base: fc.constant(VALID), changes: fewChanges, fresh: fc.uuid({ version: 4 }) })
  .map(({ base, changes, fresh }) => ({ ...base, submissionId: fresh, ...changes }));

// Lists and objects go into a form post as their JSON text (String() throws on some).
const flatten = (value: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      typeof item === 'object' && item !== null ? JSON.stringify(item) : item,
    ]),
  );

const body = fc.oneof(
  fc
    .tuple(fc.constantFrom('form', 'json'), fc.oneof(fields, nearlyValid))
    .map(([encoding, value]) =>
      encoding === 'json' ? encodeFields('json', value).body : encodeFields('form', flatten(value)).body,
    ),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.json({ maxDepth: 4 }),
  fc.uint8Array({ maxLength: 300 }),
  fc.constant(''),
);

const anything = fc.record({
  method: fc.constantFrom('POST', 'GET', 'PUT', 'OPTIONS', 'DELETE'),
  contentType: fc.option(
    fc.oneof(
      fc.constantFrom(
        'application/x-www-form-urlencoded',
        'application/json',
        'application/json; charset=utf-8',
        'application/json; charset=latin1',
        'text/plain',
        'multipart/form-data; boundary=x',
      ),
      headerValue,
    ),
  ),
  body,
  origin: fc.option(fc.oneof(fc.constantFrom(ORIGIN, 'null', 'https://evil.example'), headerValue)),
  fetchSite: fc.option(fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none')),
  referer: fc.option(fc.oneof(fc.constant(`${ORIGIN}/programs/`), headerValue)),
  accept: fc.option(fc.oneof(fc.constantFrom('application/json', 'text/html', '*/*'), headerValue)),
  ip: fc.option(fc.oneof(fc.ipV4(), fc.ipV6(), headerValue)),
});

// What the form and its script send, with values bent: these reach validation and storage.
const formLike = fc
  .record({
    encoding: fc.constantFrom('form', 'json'),
    value: fc.oneof({ weight: 3, arbitrary: nearlyValid }, { weight: 1, arbitrary: fields }),
    origin: fc.option(fc.constant(ORIGIN)),
    fetchSite: fc.option(fc.constant('same-origin')),
    referer: fc.option(fc.oneof(fc.constant(`${ORIGIN}/programs/`), headerValue)),
    ip: fc.option(fc.oneof(fc.ipV4(), fc.ipV6())),
  })
  .map(({ encoding, value, ...rest }) => {
    const encoded = encoding === 'json' ? encodeFields('json', value) : encodeFields('form', flatten(value));
    return { method: 'POST', contentType: encoded.contentType, body: encoded.body, accept: null, ...rest };
  });

const request = fc.oneof({ weight: 3, arbitrary: formLike }, { weight: 1, arbitrary: anything });

const RUNS = 200;

describe('handler under arbitrary input', () => {
  it('never throws, never answers 5xx, always sends the safety headers', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        runs++;
        const headers = new Headers();
        if (input.contentType !== null) headers.set('content-type', input.contentType);
        if (input.origin !== null) headers.set('origin', input.origin);
        if (input.fetchSite !== null) headers.set('sec-fetch-site', input.fetchSite);
        if (input.referer !== null) headers.set('referer', input.referer);
        if (input.accept !== null) headers.set('accept', input.accept);
        const hasBody = input.method !== 'GET';
        const response = await handleCallback(
          new Request(ENDPOINT, { method: input.method, headers, body: hasBody ? input.body : null }),
          input.ip,
          deps,
        );
        expect(response.status).toBeGreaterThanOrEqual(200);
        expect(response.status).toBeLessThan(500);
        expectSafeHeaders(response);
        await response.arrayBuffer();
      }),
      // A fixed count and no time limit: an interrupted run would count as a pass.
      { numRuns: RUNS },
    );
    expect(runs).toBe(RUNS);
  });
});
