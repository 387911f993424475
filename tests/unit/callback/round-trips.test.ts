/**
 * Round trips to Blobs before the answer: at most 3 in a row for an accepted request of
 * either kind (new, or a repeat), counted through a proxy that holds each request 20 ms.
 * And what the saving must not cost: the lead is stored before the answer, one lead per
 * submissionId, and the rate limit holds under concurrency.
 */
// Netlify's promises (an ETag on every read, atomic conditional writes), as in production.
import '../../../scripts/consistent-blobs.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sequentialDepth, startBlobsProxy, type BlobsProxy } from '../../../scripts/perf/blobs-proxy.ts';
import { handleCallback } from '../../../src/leads/intake/handler.ts';
import { createRateLimiter } from '../../../src/leads/intake/rate-limit.ts';
import { handleInsurance, VALID_INSURANCE } from '../insurance/support/fixtures.ts';
import { startBlobs, useBlobs, type TestBlobs } from './support/blobs.ts';
import { makeDeps, randomIp, submit, VALID } from './support/fixtures.ts';

let blobs: TestBlobs;
let proxy: BlobsProxy;
beforeAll(async () => {
  blobs = await startBlobs({ atomicWrites: true });
  proxy = await startBlobsProxy({ target: blobs.port, delayMs: 20 });
  useBlobs(proxy.port);
});
afterAll(async () => {
  await proxy.stop();
  await blobs.stop();
});
beforeEach(() => proxy.reset());

const KINDS = [
  ['callback', handleCallback, VALID],
  ['insurance', handleInsurance, VALID_INSURANCE],
] as const;

describe.each(KINDS)('%s', (_, handle, valid) => {
  it('a new request: at most 3 Blobs round trips in a row before the answer, and it is stored', async () => {
    const deps = await makeDeps();
    proxy.reset();
    const response = await handle(
      submit('json', { ...valid, submissionId: crypto.randomUUID() }),
      randomIp(),
      deps,
    );
    expect(response.status).toBe(202);
    const calls = [...proxy.calls];
    expect(sequentialDepth(calls)).toBeLessThanOrEqual(3);
    // Stored before answered.
    const { id } = (await response.json()) as { id: string };
    expect(await deps.leads.get(id)).not.toBeNull();
  });

  it('without a submissionId too', async () => {
    const deps = await makeDeps();
    proxy.reset();
    expect((await handle(submit('form', valid), randomIp(), deps)).status).toBe(303);
    expect(sequentialDepth(proxy.calls)).toBeLessThanOrEqual(3);
  });

  it('a repeat: at most 3 in a row, and the first lead is the answer', async () => {
    const deps = await makeDeps();
    const submissionId = crypto.randomUUID();
    const first = await handle(submit('json', { ...valid, submissionId }), randomIp(), deps);
    proxy.reset();
    const again = await handle(submit('json', { ...valid, submissionId }), randomIp(), deps);
    expect(sequentialDepth(proxy.calls)).toBeLessThanOrEqual(3);
    expect(await again.json()).toEqual(await first.json());
  });

  it('one lead per submissionId, however many copies race', async () => {
    const deps = await makeDeps();
    const submissionId = crypto.randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => handle(submit('json', { ...valid, submissionId }), randomIp(), deps)),
    );
    const ids = new Set(
      await Promise.all(answers.map(async (answer) => ((await answer.json()) as { id: string }).id)),
    );
    expect(ids.size).toBe(1);
    const stored = await Promise.all([...ids].map((id) => deps.leads.get(id)));
    expect(stored.every((lead) => lead !== null)).toBe(true);
  });

  it('the rate limit holds under concurrency: at most the limit stored, the rest 429', async () => {
    const deps = await makeDeps({ limiter: createRateLimiter({ limit: 3 }) });
    const ip = randomIp();
    const before = (await deps.leads.list()).length;
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        handle(submit('json', { ...valid, submissionId: crypto.randomUUID() }), ip, deps),
      ),
    );
    const accepted = answers.filter((answer) => answer.status === 202).length;
    expect(accepted).toBeLessThanOrEqual(3);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(12 - accepted);
    expect((await deps.leads.list()).length - before).toBe(accepted);
  });
});
