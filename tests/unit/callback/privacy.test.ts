/**
 * No field value in storage (on disk or through the store), in any answer, or in any
 * log line, whatever the request's fate.
 */
import { getStore } from '@netlify/blobs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleCallback } from '../../../src/leads/intake/handler.ts';
import { createRateLimiter } from '../../../src/leads/intake/rate-limit.ts';
import { openLead } from '../../../src/leads/storage/sealed-lead.ts';
import { LEADS_STORE } from '../../../src/leads/storage/store.ts';
import { filesOnDisk, startBlobs, type TestBlobs } from './support/blobs.ts';
import {
  ENCODINGS,
  SECRETS,
  VALID,
  captureLog,
  makeDeps,
  randomIp,
  submit,
  testKeys,
} from './support/fixtures.ts';

let blobs: TestBlobs;
const log = captureLog();
const printed: string[] = [];
const answers: string[] = [];
const storedIds: string[] = [];

const expectNoSecrets = (text: string, where: string) => {
  for (const secret of SECRETS) expect(text.includes(secret), `${where} contains "${secret}"`).toBe(false);
};

beforeAll(async () => {
  blobs = await startBlobs();
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation(
      (...args: unknown[]) => void printed.push(args.map(String).join(' ')),
    );
  }
  const deps = await makeDeps({
    log: log.logger,
    limiter: createRateLimiter({ limit: 3 }),
    afterStore: async () => {},
  });
  const ip = randomIp();
  const requests = ENCODINGS.flatMap((encoding) => [
    submit(encoding, { ...VALID, submissionId: crypto.randomUUID() }),
    submit(encoding, { ...VALID, email: 'not an email', name: `${VALID.name}\u0000` }),
    submit(encoding, { ...VALID, website: VALID.email }),
  ]);
  for (const request of requests) {
    const response = await handleCallback(request, ip, deps);
    answers.push(`${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`);
  }
  for (const encoding of ENCODINGS) {
    const response = await handleCallback(submit(encoding, VALID), randomIp(), deps);
    answers.push(`${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`);
  }
  storedIds.push(...(await deps.leads.list()).map((lead) => lead.id));
});

afterAll(async () => {
  vi.restoreAllMocks();
  await blobs.stop();
});

describe('privacy', () => {
  it('stored leads exist to check (accepted, repeated, rate-limited and screened posts were made)', () => {
    expect(storedIds.length).toBeGreaterThanOrEqual(3);
    expect(answers.some((answer) => answer.startsWith('429'))).toBe(true);
    expect(answers.some((answer) => answer.startsWith('422'))).toBe(true);
  });

  it('no file the Blobs server wrote holds a field value, in any encoding we can think of', async () => {
    const files = await filesOnDisk(blobs.directory);
    expect(files.size).toBeGreaterThan(0);
    for (const [path, bytes] of files) {
      expectNoSecrets(path, `path ${path}`);
      expectNoSecrets(bytes.toString('utf8'), `file ${path}`);
      expectNoSecrets(bytes.toString('latin1'), `file ${path} (latin1)`);
      expectNoSecrets(
        Buffer.from(bytes.toString('utf8'), 'base64').toString('utf8'),
        `file ${path} (base64-decoded)`,
      );
    }
  });

  it('no key, body or metadata read through the store holds a field value', async () => {
    const store = getStore({ name: LEADS_STORE, consistency: 'strong' });
    const { blobs: entries } = await store.list();
    for (const { key } of entries) {
      expectNoSecrets(key, 'key');
      const found = (await store.getWithMetadata(key, { type: 'text' }))!;
      expectNoSecrets(`${found.data} ${JSON.stringify(found.metadata)}`, `entry ${key}`);
    }
  });

  it('the sealed bodies do open to the values (so the check above is meaningful)', async () => {
    const deps = await makeDeps();
    const stored = (await deps.leads.get(storedIds[0]!))!;
    expect((await openLead(await testKeys(), stored.id, stored.sealed)).phone).toBe('+14155552671');
  });

  it('no answer holds a field value', () => {
    for (const answer of answers) expectNoSecrets(answer, 'answer');
  });

  it('no log line, and nothing else printed, holds a field value', () => {
    expect(log.lines.length).toBeGreaterThan(0);
    for (const line of [...log.lines, ...printed]) expectNoSecrets(line, 'log');
    expect([...log.lines, ...printed].join('\n')).not.toMatch(/\n\s+at /);
  });
});
