/**
 * The same submissionId is one lead with one answer, however often and however
 * concurrently it arrives.
 */
import { getStore } from '@netlify/blobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCallback } from '../../../src/leads/handler.ts';
import { openLead } from '../../../src/leads/sealed-lead.ts';
import { LEADS_STORE } from '../../../src/leads/store.ts';
import { submissionHash } from '../../../src/leads/submission.ts';
import { startBlobs, useBlobs, type TestBlobs } from './support/blobs.ts';
import { ENCODINGS, VALID, makeDeps, randomIp, submit, testKeys } from './support/fixtures.ts';

let blobs: TestBlobs;
beforeAll(async () => {
  // Netlify's conditional writes are atomic; the local server's are not (see support).
  blobs = await startBlobs({ atomicWrites: true });
});
afterAll(async () => {
  await blobs.stop();
});

const countLeads = async () => (await (await makeDeps()).leads.list()).length;

describe.each(ENCODINGS)('%s', (encoding) => {
  it('a repeat gets the same answer and stores nothing new', async () => {
    const deps = await makeDeps();
    const submissionId = crypto.randomUUID();
    const before = await countLeads();
    const first = await handleCallback(submit(encoding, { ...VALID, submissionId }), randomIp(), deps);
    const second = await handleCallback(submit(encoding, { ...VALID, submissionId }), randomIp(), deps);
    expect(await countLeads()).toBe(before + 1);
    expect(second.status).toBe(first.status);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(await second.text()).toBe(await first.text());
  });
});

describe('submission ids', () => {
  it('concurrent repeats are still one lead', async () => {
    const deps = await makeDeps();
    const submissionId = crypto.randomUUID();
    const before = await countLeads();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        handleCallback(submit('json', { ...VALID, submissionId }), randomIp(), deps),
      ),
    );
    const ids = new Set(
      await Promise.all(answers.map(async (answer) => ((await answer.json()) as { id: string }).id)),
    );
    expect(answers.every((answer) => answer.status === 202)).toBe(true);
    expect(ids.size).toBe(1);
    expect(await countLeads()).toBe(before + 1);
  });

  it('on the local server, whose conditional writes can race, concurrent repeats never lose the lead', async () => {
    const raw = await startBlobs();
    try {
      const deps = await makeDeps();
      const submissionId = crypto.randomUUID();
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          handleCallback(submit('json', { ...VALID, submissionId }), randomIp(), deps),
        ),
      );
      expect(answers.every((answer) => answer.status === 202)).toBe(true);
      const ids = await Promise.all(
        answers.map(async (answer) => ((await answer.json()) as { id: string }).id),
      );
      for (const id of ids) expect(await deps.leads.getMeta(id)).not.toBeNull();
    } finally {
      await raw.stop();
      useBlobs(blobs.port);
    }
  });

  it('the first submission wins when a repeat carries different values', async () => {
    const deps = await makeDeps();
    const submissionId = crypto.randomUUID();
    const first = await handleCallback(submit('json', { ...VALID, submissionId }), randomIp(), deps);
    const { id } = (await first.json()) as { id: string };
    await handleCallback(submit('json', { ...VALID, name: 'Someone Else', submissionId }), randomIp(), deps);
    const stored = (await deps.leads.get(id))!;
    expect((await openLead(await testKeys(), id, stored.sealed)).name).toBe(VALID.name);
  });

  it('ids differ in case only: one lead', async () => {
    const deps = await makeDeps();
    const submissionId = crypto.randomUUID();
    const a = await handleCallback(submit('json', { ...VALID, submissionId }), randomIp(), deps);
    const b = await handleCallback(
      submit('json', { ...VALID, submissionId: submissionId.toUpperCase() }),
      randomIp(),
      deps,
    );
    expect(await b.json()).toEqual(await a.json());
  });

  it('without a submissionId every post is a new lead', async () => {
    const deps = await makeDeps();
    const before = await countLeads();
    await handleCallback(submit('json', VALID), randomIp(), deps);
    await handleCallback(submit('json', VALID), randomIp(), deps);
    expect(await countLeads()).toBe(before + 2);
  });

  it('a claim left by a crash before the lead was written is completed by the retry', async () => {
    const deps = await makeDeps();
    const submissionId = crypto.randomUUID();
    const orphanId = crypto.randomUUID();
    await getStore({ name: LEADS_STORE, consistency: 'strong' }).set(
      `submission/${await submissionHash(submissionId)}`,
      orphanId,
    );
    const answer = await handleCallback(submit('json', { ...VALID, submissionId }), randomIp(), deps);
    expect(await answer.json()).toEqual({ id: orphanId });
    expect((await deps.leads.get(orphanId))?.meta?.submission).toBe(await submissionHash(submissionId));
  });

  it('stores the submission id only as a hash', async () => {
    const deps = await makeDeps();
    const submissionId = crypto.randomUUID();
    await handleCallback(submit('json', { ...VALID, submissionId }), randomIp(), deps);
    const { blobs: keys } = await getStore({ name: LEADS_STORE, consistency: 'strong' }).list();
    expect(keys.map((entry) => entry.key).join('\n')).not.toContain(submissionId);
    expect(keys.map((entry) => entry.key)).toContain(`submission/${await submissionHash(submissionId)}`);
  });
});
