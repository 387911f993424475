/**
 * The same submissionId with the same values is one lead with one answer, however often
 * and however concurrently it arrives. The same id with other values (the page came back
 * from the back/forward cache and the visitor changed something) is a new lead.
 */
import { getStore } from '@netlify/blobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCallback } from '../../../src/leads/intake/handler.ts';
import { importLeadKeys } from '../../../src/leads/storage/lead-key.ts';
import { openLead } from '../../../src/leads/storage/sealed-lead.ts';
import type { LeadRecord } from '../../../src/leads/storage/record.ts';
import { LEADS_STORE } from '../../../src/leads/storage/store.ts';
import { submissionHash, type SubmittedValues } from '../../../src/leads/kinds/callback/submission.ts';
import { startBlobs, useBlobs, type TestBlobs } from './support/blobs.ts';
import {
  ENCODINGS,
  OTHER_KEY,
  SECRETS,
  VALID,
  makeDeps,
  randomIp,
  submit,
  testKeys,
} from './support/fixtures.ts';

let blobs: TestBlobs;
beforeAll(async () => {
  // Netlify's conditional writes are atomic; the local server's are not (see support).
  blobs = await startBlobs({ atomicWrites: true });
});
afterAll(async () => {
  await blobs.stop();
});

const countLeads = async () => (await (await makeDeps()).leads.list()).length;
const idOf = async (response: Response) => ((await response.json()) as { id: string }).id;

/** VALID as the validated lead holds it, for computing its submission entry by hand. */
const VALID_VALUES: SubmittedValues = {
  name: VALID.name,
  phone: '+14155552671',
  email: VALID.email,
  callTime: VALID.callTime,
  forWhom: VALID.forWhom,
  program: VALID.program,
  voicemail: true,
  texts: true,
  page: VALID.page,
};

async function storedRecord(deps: Awaited<ReturnType<typeof makeDeps>>, id: string) {
  const stored = await deps.leads.get(id);
  expect(stored).not.toBeNull();
  return openLead(await testKeys(), id, stored!.sealed);
}

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

  it('the same id with a changed phone number is a second lead; both are stored and readable', async () => {
    const deps = await makeDeps();
    const submissionId = crypto.randomUUID();
    const before = await countLeads();
    await handleCallback(submit(encoding, { ...VALID, submissionId }), randomIp(), deps);
    await handleCallback(
      submit(encoding, { ...VALID, phone: '(415) 555-2672', submissionId }),
      randomIp(),
      deps,
    );
    expect(await countLeads()).toBe(before + 2);
    const phones = await Promise.all(
      (await deps.leads.list()).map(async ({ id }) => (await storedRecord(deps, id)).phone),
    );
    expect(phones).toContain('+14155552671');
    expect(phones).toContain('+14155552672');
  });
});

describe('submission ids', () => {
  // Every value admissions receives takes part: changing any one of them is a new request.
  it.each([
    ['the phone number', { phone: '(415) 555-2672' }],
    ['the name (a request for someone else)', { name: 'Someone Else' }],
    ['the email', { email: 'other@example.org' }],
    ['no email any more', { email: '' }],
    ['the call time', { callTime: 'morning' }],
    ['who the call is about', { forWhom: 'self' }],
    ['the program', { program: 'detox' }],
    ['voicemail', { voicemail: '' }],
    ['texts', { texts: '' }],
    ['the page it was sent from', { page: '/callback/' }],
  ])('the same id with a different %s is a new lead, the first kept as it was', async (_, change) => {
    const deps = await makeDeps({ programSlugs: ['outpatient', 'detox'] });
    const submissionId = crypto.randomUUID();
    const firstId = await idOf(
      await handleCallback(submit('json', { ...VALID, submissionId }), randomIp(), deps),
    );
    const second = await handleCallback(
      submit('json', { ...VALID, ...change, submissionId }),
      randomIp(),
      deps,
    );
    expect(second.status).toBe(202);
    const secondId = await idOf(second);
    expect(secondId).not.toBe(firstId);
    const values = ({ id: _, receivedAt: __, consent: ___, ...rest }: LeadRecord) => rest;
    expect(values(await storedRecord(deps, firstId))).toEqual(VALID_VALUES);
    expect(values(await storedRecord(deps, secondId))).not.toEqual(VALID_VALUES);
  });

  it.each([
    ['another fill time (a retry measures again)', { fillMs: 3_500 }, { fillMs: 9_800 }],
    ['the phone written another way', { phone: '(415) 555-2671' }, { phone: '+1 415-555-2671' }],
    ['spaces around the name', { name: VALID.name }, { name: `  ${VALID.name} ` }],
    ['a stale startedAt', {}, { startedAt: 1 }],
  ])('the same id and the same values with %s: one lead', async (_, first, second) => {
    const deps = await makeDeps();
    const submissionId = crypto.randomUUID();
    const before = await countLeads();
    const a = await handleCallback(submit('json', { ...VALID, ...first, submissionId }), randomIp(), deps);
    const b = await handleCallback(submit('json', { ...VALID, ...second, submissionId }), randomIp(), deps);
    expect(await idOf(b)).toBe(await idOf(a));
    expect(await countLeads()).toBe(before + 1);
  });

  it('concurrent repeats are still one lead', async () => {
    const deps = await makeDeps();
    const submissionId = crypto.randomUUID();
    const before = await countLeads();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        handleCallback(submit('json', { ...VALID, submissionId }), randomIp(), deps),
      ),
    );
    const ids = new Set(await Promise.all(answers.map(idOf)));
    expect(answers.every((answer) => answer.status === 202)).toBe(true);
    expect(ids.size).toBe(1);
    expect(await countLeads()).toBe(before + 1);
  });

  it('concurrent posts of one id with two phone numbers are two leads', async () => {
    const deps = await makeDeps();
    const submissionId = crypto.randomUUID();
    const before = await countLeads();
    const answers = await Promise.all(
      ['(415) 555-2671', '(415) 555-2672'].flatMap((phone) =>
        Array.from({ length: 4 }, () =>
          handleCallback(submit('json', { ...VALID, phone, submissionId }), randomIp(), deps),
        ),
      ),
    );
    expect(new Set(await Promise.all(answers.map(idOf))).size).toBe(2);
    expect(await countLeads()).toBe(before + 2);
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
      const ids = await Promise.all(answers.map(idOf));
      for (const id of ids) expect(await deps.leads.getMeta(id)).not.toBeNull();
    } finally {
      await raw.stop();
      useBlobs(blobs.port);
    }
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
    const hash = await submissionHash((await testKeys()).submission, submissionId, VALID_VALUES);
    await getStore({ name: LEADS_STORE, consistency: 'strong' }).set(`submission/${hash}`, orphanId);
    const answer = await handleCallback(submit('json', { ...VALID, submissionId }), randomIp(), deps);
    expect(await answer.json()).toEqual({ id: orphanId });
    expect((await deps.leads.get(orphanId))?.meta?.submission).toBe(hash);
    expect((await storedRecord(deps, orphanId)).phone).toBe(VALID_VALUES.phone);
  });

  it('the submission entry is keyed: another lead key gives another entry, and no value shows in keys', async () => {
    const deps = await makeDeps();
    const submissionId = crypto.randomUUID();
    const id = await idOf(await handleCallback(submit('json', { ...VALID, submissionId }), randomIp(), deps));
    const hash = (await deps.leads.getMeta(id))!.meta!.submission!;
    expect(hash).toBe(await submissionHash((await testKeys()).submission, submissionId, VALID_VALUES));
    expect(hash).not.toBe(
      await submissionHash((await importLeadKeys(OTHER_KEY)).submission, submissionId, VALID_VALUES),
    );
    const { blobs: entries } = await getStore({ name: LEADS_STORE, consistency: 'strong' }).list();
    const keys = entries.map((entry) => entry.key);
    expect(keys).toContain(`submission/${hash}`);
    const allKeys = keys.join('\n');
    for (const secret of [submissionId, ...SECRETS, '14155552671']) expect(allKeys).not.toContain(secret);
  });
});
