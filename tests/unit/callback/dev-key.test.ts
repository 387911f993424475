import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_KEY_FILE, firstNoticeThisProcess, loadDevKey } from '../../../src/leads/storage/dev-key.ts';
import { resolveKeyState } from '../../../src/leads/storage/key-state.ts';
import { decodeLeadKey } from '../../../src/leads/storage/lead-key.ts';
import { readSettings } from '../../../src/leads/runtime/settings.ts';
import { TEST_KEY, captureLog } from './support/fixtures.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'callback-devkey-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadDevKey', () => {
  it('creates a 32-byte key readable only by its owner, then keeps it', async () => {
    const dir = join(root, 'a', 'nested');
    const first = await loadDevKey(dir);
    expect(first.created).toBe(true);
    expect(decodeLeadKey(first.key)).toHaveLength(32);
    expect((await stat(join(dir, DEV_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect(await loadDevKey(dir)).toEqual({ ...first, created: false });
  });

  it('gives every concurrent first caller the same key', async () => {
    const dir = join(root, 'race');
    const keys = await Promise.all(Array.from({ length: 10 }, () => loadDevKey(dir)));
    expect(new Set(keys.map((key) => key.key)).size).toBe(1);
    expect(keys.filter((key) => key.created)).toHaveLength(1);
  });
});

/** Asks in a fresh worker thread, as the local server runs each function call. */
function askInWorker(dir: string): Promise<boolean> {
  const module = new URL('../../../src/leads/storage/dev-key.ts', import.meta.url).href;
  const code = `
    import { parentPort, workerData } from 'node:worker_threads';
    import { firstNoticeThisProcess } from ${JSON.stringify(module)};
    parentPort.postMessage(await firstNoticeThisProcess(workerData));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), {
      workerData: dir,
    });
    worker.once('message', (answer: boolean) => resolve(answer));
    worker.once('error', reject);
  });
}

describe('firstNoticeThisProcess', () => {
  it('is true once per server process, even across fresh workers (which share the pid)', async () => {
    const dir = join(root, 'notice');
    await loadDevKey(dir);
    expect(await askInWorker(dir)).toBe(true);
    expect(await askInWorker(dir)).toBe(false);
    expect(await firstNoticeThisProcess(dir)).toBe(false);
    await writeFile(join(dir, 'dev-key-notice'), '1'); // a previous server run
    expect(await askInWorker(dir)).toBe(true);
    expect(await firstNoticeThisProcess(dir)).toBe(false);
  });
});

describe('resolveKeyState', () => {
  const settings = (env: Record<string, string>) => readSettings((name) => env[name]);

  it.each([
    ['a valid key', { LEAD_ENCRYPTION_KEY: TEST_KEY }, true],
    ['a valid key in production', { LEAD_ENCRYPTION_KEY: TEST_KEY, CONTEXT: 'production' }, true],
    ['an invalid key', { LEAD_ENCRYPTION_KEY: 'short' }, 'invalid_setting'],
    [
      'an invalid key in development (no silent fallback)',
      { LEAD_ENCRYPTION_KEY: 'short', NODE_ENV: 'development' },
      'invalid_setting',
    ],
    ['no key in production', { CONTEXT: 'production' }, 'missing_setting'],
  ])('%s', async (_, env, expected) => {
    const state = await resolveKeyState(settings(env), captureLog().logger, () => {
      throw new Error('must not load a development key');
    });
    expect(state.ok ? true : state.problem).toBe(expected);
  });

  it('a damaged dev key file: 503-worthy, logged without its content', async () => {
    const dir = join(root, 'damaged');
    await loadDevKey(dir);
    await writeFile(join(dir, DEV_KEY_FILE), 'garbage');
    const log = captureLog();
    const state = await resolveKeyState(settings({ LEAD_DEV_STATE_DIR: dir }), log.logger);
    expect(state).toEqual({ ok: false, problem: 'missing_setting' });
    expect(await readFile(join(dir, DEV_KEY_FILE), 'utf8')).toBe('garbage');
    expect(log.events()).toEqual([
      { event: 'config.dev_key', outcome: 'failed', errorName: expect.any(String) },
    ]);
    expect(log.lines[0]).toMatch(/^error /);
    expect(log.lines.join('\n')).not.toContain('garbage');
  });
});

describe('readSettings', () => {
  it.each([
    [{}, { rateLimit: 10, production: false, devStateDir: '.netlify/dev-state', ignored: [] }],
    [{ CALLBACK_RATE_LIMIT: ' 25 ' }, { rateLimit: 25, ignored: [] }],
    [{ CALLBACK_RATE_LIMIT: '0' }, { rateLimit: 10, ignored: ['CALLBACK_RATE_LIMIT'] }],
    [{ CALLBACK_RATE_LIMIT: '-3' }, { rateLimit: 10, ignored: ['CALLBACK_RATE_LIMIT'] }],
    [{ CALLBACK_RATE_LIMIT: '2.5' }, { rateLimit: 10, ignored: ['CALLBACK_RATE_LIMIT'] }],
    [{ LEAD_ENCRYPTION_KEY: `  ${TEST_KEY}\n` }, { encryptionKey: TEST_KEY }],
    [{ LEAD_ENCRYPTION_KEY: '   ' }, { encryptionKey: undefined }],
    [{ CONTEXT: 'production' }, { production: true }],
    [{ CONTEXT: 'deploy-preview' }, { production: false }],
    [{ LEAD_DEV_STATE_DIR: '/tmp/state' }, { devStateDir: '/tmp/state' }],
  ])('%j', (env, expected) => {
    expect(readSettings((name) => (env as Record<string, string>)[name])).toMatchObject(expected);
  });
});
