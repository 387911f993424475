/**
 * The Netlify function: settings from the environment, Netlify's context in, and the
 * same answers as the pipeline out.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from '@netlify/functions';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import callback, { config } from '../../../netlify/functions/callback.mts';
import { DEV_KEY_FILE } from '../../../src/leads/storage/dev-key.ts';
import { importLeadKeys } from '../../../src/leads/storage/lead-key.ts';
import { openLead } from '../../../src/leads/storage/sealed-lead.ts';
import { createLeadStore } from '../../../src/leads/storage/store.ts';
import { expectSafeHeaders } from './support/answers.ts';
import { startBlobs, type TestBlobs } from './support/blobs.ts';
import { SECRETS, TEST_KEY, VALID, randomIp, submit, testKeys } from './support/fixtures.ts';

let blobs: TestBlobs;
let stateDir: string;
const SETTINGS = [
  'LEAD_ENCRYPTION_KEY',
  'CALLBACK_RATE_LIMIT',
  'CONTEXT',
  'NODE_ENV',
  'LEAD_DEV_STATE_DIR',
] as const;
const saved = Object.fromEntries(SETTINGS.map((name) => [name, process.env[name]]));
const printed: Record<'info' | 'warn' | 'error', string[]> = { info: [], warn: [], error: [] };

function context(overrides: Partial<Context> = {}): Context & { waited: Promise<unknown>[] } {
  const waited: Promise<unknown>[] = [];
  return {
    ip: randomIp(),
    waitUntil: (work: Promise<unknown>) => void waited.push(work),
    waited,
    ...overrides,
  } as never;
}

beforeAll(async () => {
  blobs = await startBlobs();
  stateDir = await mkdtemp(join(tmpdir(), 'callback-state-'));
});

afterAll(async () => {
  await blobs.stop();
  await rm(stateDir, { recursive: true, force: true });
});

beforeEach(() => {
  for (const name of SETTINGS) delete process.env[name];
  process.env['NODE_ENV'] = 'test';
  process.env['LEAD_ENCRYPTION_KEY'] = TEST_KEY;
  for (const level of ['info', 'warn', 'error'] as const) {
    printed[level] = [];
    vi.spyOn(console, level).mockImplementation(
      (...args: unknown[]) => void printed[level].push(args.map(String).join(' ')),
    );
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const name of SETTINGS) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('config', () => {
  it('routes /api/callback for every method (405 is ours to give) with Netlify rate limiting', () => {
    expect(config).toEqual({
      path: '/api/callback',
      // Netlify's flood guard; how it meets CALLBACK_RATE_LIMIT: tests/unit/runtime/rate-limits.test.ts.
      rateLimit: expect.objectContaining({ action: 'rewrite', windowSize: 60 }),
    });
    expect('method' in config).toBe(false);
  });
});

describe('with LEAD_ENCRYPTION_KEY', () => {
  it('stores a sealed lead, answers 303, and hands the first delivery to waitUntil', async () => {
    const ctx = context();
    const response = await callback(submit('form', VALID), ctx);
    expect(response.status).toBe(303);
    expectSafeHeaders(response);
    expect(ctx.waited).toHaveLength(1);
    await Promise.all(ctx.waited);
    const leads = await createLeadStore().list();
    const opened = await Promise.all(
      leads.map(async ({ id }) => openLead(await testKeys(), id, (await createLeadStore().get(id))!.sealed)),
    );
    expect(opened.map((lead) => lead.name)).toContain(VALID.name);
  });

  it('405 for GET with Allow: POST', async () => {
    const response = await callback(
      new Request('https://absolute-awakenings.example/api/callback'),
      context(),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('limits by CALLBACK_RATE_LIMIT per client, taking the client from context.ip', async () => {
    process.env['CALLBACK_RATE_LIMIT'] = '2';
    const ip = randomIp();
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await callback(submit('json', { ...VALID, name: '' }), context({ ip }))).status);
    expect(statuses).toEqual([422, 422, 429]);
    expect((await callback(submit('json', { ...VALID, name: '' }), context())).status).toBe(422);
  });

  it('falls back to x-nf-client-connection-ip when the context has no ip', async () => {
    process.env['CALLBACK_RATE_LIMIT'] = '1';
    const headers = { 'x-nf-client-connection-ip': randomIp() };
    const send = () => callback(submit('json', { ...VALID, name: '' }, headers), context({ ip: '' }));
    expect((await send()).status).toBe(422);
    expect((await send()).status).toBe(429);
  });

  it('ignores an unusable CALLBACK_RATE_LIMIT, saying so by name once', async () => {
    process.env['CALLBACK_RATE_LIMIT'] = 'lots';
    expect((await callback(submit('json', VALID), context())).status).toBe(202);
    await callback(submit('json', VALID), context());
    expect(printed.warn.filter((line) => line.includes('invalid CALLBACK_RATE_LIMIT'))).toHaveLength(1);
  });

  it('an invalid key: 503, logged by setting name only', async () => {
    process.env['LEAD_ENCRYPTION_KEY'] = 'not-a-key';
    const response = await callback(submit('json', VALID), context());
    expect(response.status).toBe(503);
    expect(printed.error.join('\n')).toContain('invalid LEAD_ENCRYPTION_KEY');
    expect(printed.error.join('\n')).not.toContain('not-a-key');
  });
});

describe('without LEAD_ENCRYPTION_KEY', () => {
  it.each([
    ['CONTEXT=production', { CONTEXT: 'production' }],
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
  ])('in production (%s): 503, stores nothing, logs "missing LEAD_ENCRYPTION_KEY"', async (_, env) => {
    delete process.env['LEAD_ENCRYPTION_KEY'];
    Object.assign(process.env, env, { LEAD_DEV_STATE_DIR: join(stateDir, 'never') });
    const before = (await createLeadStore().list()).length;
    const response = await callback(submit('form', VALID), context());
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
    expect((await createLeadStore().list()).length).toBe(before);
    expect(printed.error.join('\n')).toContain('missing LEAD_ENCRYPTION_KEY');
    await expect(stat(join(stateDir, 'never'))).rejects.toThrow();
    const everything = Object.values(printed).flat().join('\n');
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
  });

  it('in development: creates a private dev key in LEAD_DEV_STATE_DIR, warns once, and uses it', async () => {
    delete process.env['LEAD_ENCRYPTION_KEY'];
    process.env['LEAD_DEV_STATE_DIR'] = join(stateDir, 'dev');
    const first = await callback(submit('json', VALID), context());
    const second = await callback(submit('json', VALID), context());
    expect([first.status, second.status]).toEqual([202, 202]);

    const path = join(stateDir, 'dev', DEV_KEY_FILE);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const devKeys = await importLeadKeys(await readFile(path, 'utf8'));
    const { id } = (await first.json()) as { id: string };
    expect((await openLead(devKeys, id, (await createLeadStore().get(id))!.sealed)).name).toBe(VALID.name);

    const warnings = printed.warn.filter((line) => line.includes('DEVELOPMENT key'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(path);
  });
});
