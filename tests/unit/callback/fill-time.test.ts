/**
 * The time trap reads one duration the browser measured (`fillMs`), never a browser time
 * compared with the server's clock: a visitor's wrong phone clock cannot matter, and a
 * fill time we cannot read lets the lead through (a lost lead costs more than a stored
 * bot post). `startedAt`, the old wall-clock field, is ignored whatever it says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawFields } from '../../../src/leads/intake/parse-body.ts';
import { handleCallback } from '../../../src/leads/intake/handler.ts';
import { MIN_FILL_MS, screen } from '../../../src/leads/intake/screen.ts';
import { startBlobs, type TestBlobs } from './support/blobs.ts';
import { ENCODINGS, VALID, captureLog, makeDeps, randomIp, submit } from './support/fixtures.ts';

let blobs: TestBlobs;
beforeAll(async () => {
  blobs = await startBlobs();
});
afterAll(async () => {
  await blobs.stop();
});

// The server's clock in every case; the visitor's is whatever the row says.
const NOW = new Date('2026-03-01T12:00:00Z');
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Posts VALID plus `extra` through the real handler; answers the status and what was stored. */
async function send(encoding: (typeof ENCODINGS)[number], extra: Record<string, unknown>) {
  const log = captureLog();
  const deps = await makeDeps({ now: () => NOW, log: log.logger });
  const before = new Set((await deps.leads.list()).map(({ id }) => id));
  const response = await handleCallback(submit(encoding, { ...VALID, ...extra }), randomIp(), deps);
  const added = (await deps.leads.list()).filter(({ id }) => !before.has(id));
  const answered = log.events().find((event) => event['event'] === 'callback.answered');
  return { status: response.status, added, outcome: answered?.['outcome'], reason: answered?.['reason'] };
}

const accepted = { form: 303, json: 202 } as const;

describe.each(ENCODINGS)('%s', (encoding) => {
  it.each([
    ['2,999 ms', MIN_FILL_MS - 1],
    ['0 ms', 0],
    // JSON only: in a form post it is the text "2999.9", unreadable, and let through.
    ...(encoding === 'json' ? [['2,999.9 ms (read as 2,999)', 2_999.9] as [string, number]] : []),
  ])('fillMs of %s: answered like accepted, nothing stored', async (_, fillMs) => {
    const result = await send(encoding, { fillMs });
    expect(result).toMatchObject({ status: accepted[encoding], outcome: 'screened', reason: 'too_fast' });
    expect(result.added).toEqual([]);
  });

  it.each([
    ['3,000 ms', MIN_FILL_MS],
    ['a minute', 60_000],
    ['a day', 86_400_000],
    ['missing (no JavaScript, or another client)', undefined],
    // Unreadable fill times: not trapped.
    ['a word', 'soon'],
    ['negative', -5],
    ['a negative string', '-1'],
    ['empty', ''],
    ['a decimal string', '12.5'],
    ['exponent notation', '1e3'],
    ['null', null],
    ['a boolean', true],
  ])('fillMs %s: stored', async (_, fillMs) => {
    // A form post cannot carry null or a missing value: it leaves the field out.
    const extra = fillMs === undefined || (fillMs === null && encoding === 'form') ? {} : { fillMs };
    const result = await send(encoding, extra);
    expect(result).toMatchObject({ status: accepted[encoding], outcome: 'accepted' });
    expect(result.added).toHaveLength(1);
  });

  it.each([
    ['1 s before the server received it (the old trap fired on this)', NOW.getTime() - 1_000],
    ['at the very moment the server received it', NOW.getTime()],
    ['a year in the future (phone clock far ahead)', NOW.getTime() + YEAR_MS],
    ['5 s in the future (phone clock a little ahead)', NOW.getTime() + 5_000],
    ['a year in the past (phone clock far behind)', NOW.getTime() - YEAR_MS],
    ['the epoch', 1],
  ])('startedAt %s is ignored: stored', async (_, startedAt) => {
    const result = await send(encoding, { startedAt });
    expect(result).toMatchObject({ status: accepted[encoding], outcome: 'accepted' });
    expect(result.added).toHaveLength(1);
  });

  it.each([
    ['a phone clock 1 s ahead', NOW.getTime() + 1_000, 4_000],
    ['a phone clock a year behind', NOW.getTime() - YEAR_MS, 4_000],
  ])('with %s, the fill time alone decides', async (_, startedAt, fillMs) => {
    expect((await send(encoding, { startedAt, fillMs })).added).toHaveLength(1);
    expect((await send(encoding, { startedAt, fillMs: 1_000 })).added).toEqual([]);
  });

  it('the honeypot still traps, whatever the fill time', async () => {
    const result = await send(encoding, { website: 'https://spam.example', fillMs: 60_000 });
    expect(result).toMatchObject({ status: accepted[encoding], reason: 'honeypot' });
    expect(result.added).toEqual([]);
  });
});

describe('screen', () => {
  it.each<[string, RawFields]>([
    ['a huge number', { fillMs: Number.MAX_VALUE }],
    ['NaN', { fillMs: Number.NaN }],
    ['-Infinity', { fillMs: -Infinity }],
    ['a very long digit string', { fillMs: '9'.repeat(400) }],
    ['nothing at all', {}],
    ['a numeric honeypot with no fill time', { website: 0 }],
  ])('never throws: %s', (_, fields) => {
    expect(() => screen(fields)).not.toThrow();
  });
});
