/**
 * The operator command: what it shows, what `retry` changes, and the command itself run
 * against a local store the way an operator runs it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setEnvironmentContext } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../../scripts/consistent-blobs.ts';
import { listLine, retryMeta, stateReport } from '../../../src/leads/delivery/operator.ts';
import { alertFlag } from '../../../src/leads/delivery/plan.ts';
import { initialMeta, type ChannelState, type LeadMeta } from '../../../src/leads/storage/metadata.ts';
import { createLeadStore } from '../../../src/leads/storage/store.ts';
import { SECRETS, TEST_KEY } from '../callback/support/fixtures.ts';
import { HOUR, makeLead, storeLead, T0 } from './support/leads.ts';

const run = promisify(execFile);
const iso = (ms: number) => new Date(T0.getTime() + ms).toISOString();
const dead: ChannelState = {
  status: 'dead',
  attempts: 27,
  nextAttemptAt: null,
  lastAttemptAt: iso(24 * HOUR),
  deliveredAt: null,
  lastError: 'http_500',
  since: T0.toISOString(),
};
const delivered: ChannelState = {
  status: 'delivered',
  attempts: 1,
  nextAttemptAt: null,
  lastAttemptAt: iso(0),
  deliveredAt: iso(0),
  lastError: null,
};
const meta = (): LeadMeta => ({
  ...initialMeta({ receivedAt: T0, consentVersion: 'c1', submission: null, channels: [] }),
  channels: { webhook: dead, email: delivered },
  flags: [alertFlag('webhook', 'email')],
});

describe('retry', () => {
  it('re-opens the channels that did not deliver, with a fresh window; delivered ones stay as they are', () => {
    const now = new Date(T0.getTime() + 48 * HOUR);
    const { meta: next, channels } = retryMeta(meta(), now);
    expect(channels).toEqual(['webhook']);
    expect(next.channels['webhook']).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now.toISOString(),
      since: now.toISOString(),
      lastError: 'http_500',
    });
    expect(next.channels['email']).toEqual(delivered);
    // A second failure alerts again.
    expect(next.flags).toEqual([]);
  });

  it.each([
    ['email', []],
    ['webhook', ['webhook']],
  ])('--channel %s', (only, expected) => {
    expect(retryMeta(meta(), T0, only).channels).toEqual(expected);
  });
});

describe('reports', () => {
  it('list and state lines carry delivery state only', () => {
    const id = crypto.randomUUID();
    expect(listLine(id, meta(), T0)).toContain('webhook dead (27 attempts, last error http_500)');
    expect(stateReport(id, meta(), T0)).toContain('email delivered (1 attempts)');
    expect(listLine(id, null, T0)).toContain('DAMAGED');
  });
});

describe('npm run leads', () => {
  let state: string;
  const lead = makeLead();
  const other = makeLead();

  beforeAll(async () => {
    state = await mkdtemp(join(tmpdir(), 'leads-cli-'));
    const token = 'cli-test';
    const server = new BlobsServer({ directory: join(state, 'blobs'), token });
    const { port } = await server.start();
    const url = `http://127.0.0.1:${port}`;
    setEnvironmentContext({ edgeURL: url, uncachedEdgeURL: url, siteID: 'local', token });
    const store = createLeadStore();
    await storeLead(store, lead, ['webhook']);
    await storeLead(store, other, ['webhook']);
    const stored = (await store.get(lead.id))!;
    await store.putIfMatch(
      lead.id,
      stored.sealed,
      { ...stored.meta!, channels: { webhook: dead } },
      stored.etag,
    );
    await server.stop();
  });
  afterAll(async () => {
    await rm(state, { recursive: true, force: true });
  });

  const leads = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, ['scripts/leads.ts', ...args], {
      env: {
        ...process.env,
        LEAD_DEV_STATE_DIR: state,
        LEAD_ENCRYPTION_KEY: '',
        NETLIFY_SITE_ID: '',
        NETLIFY_BLOBS_TOKEN: '',
        NETLIFY_AUTH_TOKEN: '',
        ...env,
      },
    }).catch((error: { stdout: string; stderr: string; code: number }) => error);

  it('list: one line a lead, delivery state only', async () => {
    const { stdout, stderr } = await leads(['list']);
    expect(stdout).toContain(`${lead.id}  received ${lead.receivedAt}  webhook dead (27 attempts`);
    expect(stdout).toContain(`${other.id}  received`);
    expect(stderr).toContain('2 lead(s)');
    for (const secret of SECRETS) expect(stdout + stderr).not.toContain(secret);
  });

  it('show without the key: state only', async () => {
    const { stdout, stderr } = await leads(['show', lead.id]);
    expect(stdout).toContain(`lead ${lead.id}`);
    expect(stderr).toContain('No encryption key');
    for (const secret of SECRETS) expect(stdout + stderr).not.toContain(secret);
  });

  it('show with the key, to a pipe: contents only with --reveal, and only on stdout', async () => {
    const piped = await leads(['show', lead.id], { LEAD_ENCRYPTION_KEY: TEST_KEY });
    expect(piped.stdout).not.toContain('Marisol');
    expect(piped.stderr).toContain('--reveal');
    const revealed = await leads(['show', lead.id, '--reveal'], { LEAD_ENCRYPTION_KEY: TEST_KEY });
    expect(revealed.stdout).toContain('Marisol Quintanilla-Björk');
    expect(revealed.stdout).toContain('+14155552671');
    expect(revealed.stderr).not.toContain('Marisol');
  });

  it('retry: the dead channel is due again; a second run finds it pending already', async () => {
    const { stdout } = await leads(['retry', lead.id]);
    expect(stdout).toContain('webhook will try again at the next sweep');
    expect((await leads(['list'])).stdout).toMatch(new RegExp(`${lead.id}.*webhook pending \\(0 attempts`));
  });

  it.each([[['frobnicate']], [['show']], [['show', 'not-a-lead-id']], [['retry', crypto.randomUUID()]]])(
    'refuses %j with a message and exit code 1',
    async (args) => {
      const result = (await leads(args)) as { code?: number; stderr: string };
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/usage|No lead/);
    },
  );
});
