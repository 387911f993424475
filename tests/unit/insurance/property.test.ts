/**
 * Whatever arrives at /api/insurance, the handler answers: no throw, no 5xx while the
 * store works, the contract's headers on every answer.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSURANCE_FIELD_NAMES } from '../../../src/leads/kinds/insurance/fields.ts';
import type { CallbackDeps } from '../../../src/leads/intake/handler.ts';
import { expectSafeHeaders } from '../callback/support/answers.ts';
import { startBlobs, type TestBlobs } from '../callback/support/blobs.ts';
import { ORIGIN, captureLog, encodeFields, makeDeps, post } from '../callback/support/fixtures.ts';
import { handleInsurance, VALID_INSURANCE } from './support/fixtures.ts';

let blobs: TestBlobs;
let deps: CallbackDeps;
beforeAll(async () => {
  blobs = await startBlobs();
  deps = await makeDeps({ log: captureLog().logger });
});
afterAll(async () => {
  await blobs.stop();
});

const scalar = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    'yes',
    '',
    'other',
    'self',
    'spouse',
    '1987-06-19',
    '2026-02-30',
    '0000-00-00',
    'sample-blue-plan',
    'CA',
    'ABC-123',
  ),
);

const fields = fc.dictionary(
  fc.oneof(fc.constantFrom(...INSURANCE_FIELD_NAMES), fc.string({ maxLength: 12 })),
  scalar,
  {
    maxKeys: 20,
  },
);

describe('any input', () => {
  it('never throws and never answers 5xx, in either encoding', async () => {
    await fc.assert(
      fc.asyncProperty(
        fields,
        fc.boolean(),
        fc.constantFrom('json', 'form' as const),
        async (extra, base, encoding) => {
          const { body, contentType } = encodeFields(
            encoding,
            base ? { ...VALID_INSURANCE, ...extra } : extra,
          );
          const response = await handleInsurance(
            post(body, contentType, { origin: ORIGIN }),
            '10.1.2.3',
            deps,
          );
          expect(response.status).toBeLessThan(500);
          expectSafeHeaders(response);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('raw bytes as a JSON or form body: no throw, no 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.boolean(), async (bytes, json) => {
        const type = json ? 'application/json' : 'application/x-www-form-urlencoded';
        const response = await handleInsurance(post(bytes, type, { origin: ORIGIN }), null, deps);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });
});
