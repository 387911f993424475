/**
 * A store of thousands of leads (a long CRM outage, a spam wave): the first scheduled run
 * ends inside Netlify's 30 seconds and delivers due leads, later runs finish the rest,
 * purges and tidying are bounded per run and resume, no lead is sent twice, none is lost.
 * Real Blobs, a real webhook receiver on 127.0.0.1, the real time budget.
 *
 * In the suite: 300 leads, with the budget and the per-run caps scaled down with them, so
 * the same shape (several runs, each bounded, the last one finding nothing) takes seconds.
 * The 5,000-lead case with the production constants is `npm run bench:sweep`
 * (scripts/bench-sweep.ts, same seeding and checks); SWEEP_BACKLOG_LEADS=5000 runs it here.
 */
import { getStore } from '@netlify/blobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PURGES_PER_RUN } from '../../../src/leads/delivery/sweep.ts';
import { channelState } from '../../../src/leads/storage/metadata.ts';
import { pruneRateLimit, RATE_STORE } from '../../../src/leads/intake/rate-limit.ts';
import { createLeadStore, LEADS_STORE } from '../../../src/leads/storage/store.ts';
import { captureLog, testKeys } from '../callback/support/fixtures.ts';
import { seedBacklog, sweepUntilDone, type BacklogShape } from './support/backlog.ts';
import { testClock } from './support/leads.ts';
import { startServers, webhookLeadIds, type TestServers } from './support/servers.ts';

const FULL = process.env['SWEEP_BACKLOG_LEADS'] !== undefined;
const LEADS = FULL ? Number(process.env['SWEEP_BACKLOG_LEADS']) : 300;
/** The production constants at full size; scaled down (about 1/16 of the leads) in the suite. */
const SCALED = FULL
  ? {}
  : { budgetMs: 2_000, housekeepingMs: 1_000, purgesPerRun: 40, repairPerRun: 40, submissionsPerRun: 10 };
const SHAPE: BacklogShape = {
  due: Math.round(LEADS * 0.5),
  expired: Math.round(LEADS * 0.3),
  kept: LEADS - Math.round(LEADS * 0.5) - Math.round(LEADS * 0.3),
  orphans: Math.round(LEADS * 0.06),
  rateEntries: Math.round(LEADS * 0.3),
};
const NETLIFY_LIMIT_MS = 30_000;

let servers: TestServers;
beforeAll(async () => {
  servers = await startServers();
});
afterAll(async () => {
  await servers.stop();
});

describe('a large store', () => {
  it(`${LEADS} stored leads: each run ends inside 30 s, due leads delivered once, the rest finished by later runs`, async () => {
    const clock = testClock(new Date('2026-03-20T12:00:00.000Z'));
    const keys = await testKeys();
    const seedStarted = performance.now();
    const backlog = await seedBacklog(servers.blobs.directory, keys, clock.now(), SHAPE, 14);
    const seedMs = performance.now() - seedStarted;

    const log = captureLog();
    const runs = await sweepUntilDone(
      { leads: createLeadStore(), keys, channels: [servers.webhook], log: log.logger, now: clock.now },
      {
        retentionDays: 14,
        ...SCALED,
        tidy: (now, more) => pruneRateLimit(now, undefined, FULL ? undefined : 40, more),
      },
    );

    const figures = {
      leads: LEADS,
      shape: SHAPE,
      seedSeconds: Math.round(seedMs / 100) / 10,
      runs: runs.length,
      secondsPerRun: runs.map((run) => Math.round(run.ms / 100) / 10),
      deliveredPerRun: runs.map((run) => run.report.delivered),
      purgedPerRun: runs.map((run) => run.report.purged),
      orphansPerRun: runs.map((run) => run.report.orphans),
      rateEntriesPerRun: runs.map((run) => run.report.rateEntries),
    };
    console.info(`sweep backlog: ${JSON.stringify(figures)}`);

    // Every run inside Netlify's limit; the first one already delivers.
    expect(runs.every((run) => run.ms < NETLIFY_LIMIT_MS)).toBe(true);
    expect(runs[0]!.report.delivered).toBeGreaterThan(0);
    expect(runs[0]!.report.purged).toBeLessThanOrEqual(SCALED.purgesPerRun ?? PURGES_PER_RUN);
    expect(runs.length).toBeGreaterThan(1);

    // Each due lead reached the receiver exactly once; nothing delivered before was sent again.
    const sent = webhookLeadIds(servers);
    expect(sent.length).toBe(SHAPE.due);
    expect(new Set(sent)).toEqual(new Set(backlog.due));
    expect(runs.reduce((sum, run) => sum + run.report.delivered, 0)).toBe(SHAPE.due);

    // None lost: due leads delivered and kept, yesterday's kept, expired ones gone.
    const store = createLeadStore();
    const remaining = await store.list();
    const byId = new Map(remaining.map((lead) => [lead.id, lead]));
    expect(remaining).toHaveLength(SHAPE.due + SHAPE.kept);
    for (const id of backlog.due)
      expect(channelState(byId.get(id)!.meta!, 'webhook').status).toBe('delivered');
    for (const id of backlog.kept) expect(byId.has(id)).toBe(true);
    for (const id of backlog.expired) expect(byId.has(id)).toBe(false);

    // Orphaned claims and yesterday's counters gone.
    const raw = getStore({ name: LEADS_STORE, consistency: 'strong' });
    expect((await raw.list({ prefix: 'submission/' })).blobs).toHaveLength(0);
    expect((await getStore({ name: RATE_STORE, consistency: 'strong' }).list()).blobs).toHaveLength(0);
    // Every lead left waits, once, in the settled lane for its purge; nothing is due.
    expect((await raw.list({ prefix: 'due/' })).blobs).toEqual([]);
    const settled = (await raw.list({ prefix: 'settled/' })).blobs.map((blob) => blob.key.slice(-36));
    expect(settled.sort()).toEqual([...backlog.due, ...backlog.kept].sort());
    expect(log.lines.filter((line) => line.includes('"sweep.error"'))).toEqual([]);
  }, 300_000);
});
