/**
 * The two rate limits, and what a limited visitor sees.
 *
 * CALLBACK_RATE_LIMIT (ours, counted in Blobs per whole minute) decides what visitors
 * meet: our 429 with the phone number and the crisis lines. Netlify's `config.rateLimit`
 * is a flood guard over a sliding 60 s that a client within ours never reaches, and it
 * rewrites to a static page that has the same phone number and crisis lines.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Context } from '@netlify/functions';
// The in-source config parser of Netlify's function bundler: it reads `config` from the
// source without running it, as a deploy does.
import { parseFile } from '@netlify/zip-it-and-ship-it/dist/runtimes/node/in_source_config/index.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import callback, { config } from '../../../netlify/functions/callback.mts';
import { DEFAULT_RATE_LIMIT } from '../../../src/leads/intake/rate-limit.ts';
import { MAX_RATE_LIMIT, readSettings } from '../../../src/leads/runtime/settings.ts';
import { site } from '../../../src/site.config.ts';
import { startBlobs, type TestBlobs } from '../callback/support/blobs.ts';
import { TEST_WEBHOOK_SECRET } from '../delivery/support/receiver.ts';
import { TEST_KEY, VALID, randomIp, submit, type Encoding } from '../callback/support/fixtures.ts';

const FUNCTION_FILE = fileURLToPath(new URL('../../../netlify/functions/callback.mts', import.meta.url));
const PAGES = fileURLToPath(new URL('../../../src/pages/', import.meta.url));
const SETTINGS = [
  'LEAD_ENCRYPTION_KEY',
  'CALLBACK_RATE_LIMIT',
  'NODE_ENV',
  'CONTEXT',
  'LEAD_INBOX_DIR',
  'ADMISSIONS_WEBHOOK_URL',
  'ADMISSIONS_WEBHOOK_SECRET',
] as const;
const saved = Object.fromEntries(SETTINGS.map((name) => [name, process.env[name]]));
const warned: string[] = [];

let blobs: TestBlobs;
beforeAll(async () => {
  blobs = await startBlobs();
});
afterAll(() => blobs.stop());
beforeEach(() => {
  for (const name of SETTINGS) delete process.env[name];
  process.env['LEAD_ENCRYPTION_KEY'] = TEST_KEY;
  warned.length = 0;
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warned.push(args.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const name of SETTINGS) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

const context = (ip: string, deploy = 'dev'): Context =>
  ({ ip, waitUntil: () => undefined, deploy: { context: deploy } }) as unknown as Context;

/** Statuses of `count` invalid posts (nothing stored) from one client. */
async function statuses(count: number, deploy = 'dev', ip = randomIp()): Promise<number[]> {
  // The limit counts whole minutes: a run that crossed into the next minute would start
  // counting again (seen once on a busy machine), so it starts with 20 s of its minute left.
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
  const seen: number[] = [];
  for (let i = 0; i < count; i++)
    seen.push((await callback(submit('json', { ...VALID, name: '' }), context(ip, deploy))).status);
  return seen;
}

describe("Netlify's flood guard (config.rateLimit)", () => {
  const limit = config.rateLimit!;

  it('is what the bundler reads from the source: literals, so nothing is silently dropped', async () => {
    // A value the parser cannot read (a constant, an import) makes the bundler drop the
    // whole rateLimit without a word; equal objects mean every value was a literal.
    const parsed = await parseFile(FUNCTION_FILE, { functionName: 'callback' });
    expect(parsed.config.rateLimit).toEqual(limit);
  });

  it('counts per client over 60 s and never stops a client that CALLBACK_RATE_LIMIT lets through', () => {
    expect(limit.aggregateBy).toEqual(['ip', 'domain']);
    expect(limit.windowSize).toBe(60);
    // Ours counts whole minutes: up to twice its limit can pass within any 60 s.
    expect(limit.windowLimit).toBeGreaterThanOrEqual(2 * MAX_RATE_LIMIT);
    expect(DEFAULT_RATE_LIMIT).toBeLessThanOrEqual(MAX_RATE_LIMIT);
  });

  it('rewrites to a page of the site, not to Netlify’s bare 429', () => {
    expect(limit.action).toBe('rewrite');
    expect(limit.to).toMatch(/^\/[a-z/-]+\/$/);
    const page = `${PAGES}${limit.to!.slice(1, -1)}.astro`;
    expect(existsSync(page)).toBe(true);
    const source = readFileSync(page, 'utf8');
    // The admissions phone (CallLink) and every crisis line (CrisisLineList), not indexed.
    expect(source).toContain('<CallLink');
    expect(source).toContain('<CrisisLineList');
    expect(source).toMatch(/\bnoindex\b/);
  });
});

describe('CALLBACK_RATE_LIMIT', () => {
  it.each([
    ['production', String(MAX_RATE_LIMIT), MAX_RATE_LIMIT, []],
    ['production', String(MAX_RATE_LIMIT + 1), DEFAULT_RATE_LIMIT, ['CALLBACK_RATE_LIMIT']],
    ['production', '1000', DEFAULT_RATE_LIMIT, ['CALLBACK_RATE_LIMIT']],
    ['production', '1', 1, []],
    // No Netlify limit in front locally: a higher value is the developer's (and the browser tests') choice.
    ['dev', '1000', 1000, []],
    ['dev', '0', DEFAULT_RATE_LIMIT, ['CALLBACK_RATE_LIMIT']],
  ])('%s: %s -> %i a minute, ignored: %j', (deploy, value, rateLimit, ignored) => {
    expect(readSettings((name) => ({ CALLBACK_RATE_LIMIT: value })[name], deploy)).toMatchObject({
      rateLimit,
      ignored,
    });
  });

  it('above the maximum in production: the function keeps the default and says so by name', async () => {
    process.env['CALLBACK_RATE_LIMIT'] = String(MAX_RATE_LIMIT + 1);
    // A channel, so production gets past "no channel" to the rate limit; nothing is stored or sent.
    process.env['ADMISSIONS_WEBHOOK_URL'] = 'https://crm.invalid/hooks/callback';
    process.env['ADMISSIONS_WEBHOOK_SECRET'] = TEST_WEBHOOK_SECRET;
    const seen = await statuses(DEFAULT_RATE_LIMIT + 1, 'production');
    expect(seen.slice(0, DEFAULT_RATE_LIMIT).every((status) => status === 422)).toBe(true);
    expect(seen[DEFAULT_RATE_LIMIT]).toBe(429);
    expect(warned.join('\n')).toContain('invalid CALLBACK_RATE_LIMIT');
    expect(warned.join('\n')).not.toContain(String(MAX_RATE_LIMIT + 1));
  });
});

describe('a limited visitor still sees the phone number', () => {
  it.each<Encoding>(['form', 'json'])(
    'our 429 (%s) carries it, and the page the crisis lines',
    async (encoding) => {
      process.env['CALLBACK_RATE_LIMIT'] = '1';
      const ip = randomIp();
      await callback(submit(encoding, { ...VALID, name: '' }), context(ip));
      const limited = await callback(submit(encoding, { ...VALID, name: '' }), context(ip));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = await limited.text();
      expect(body).toContain(site.admissions.phone.display);
      if (encoding === 'form') for (const line of site.crisisLines) expect(body).toContain(line.display);
    },
  );
});
