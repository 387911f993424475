/**
 * The sweep against a large store: `npm run bench:sweep [-- --leads N]` (default 5,000).
 *
 * Seeds N leads the way a long CRM outage leaves them (half pending and due, 30% delivered
 * past retention, 20% delivered yesterday), orphaned submission claims and yesterday's
 * rate-limit counters, then runs the real sweep (real time budget, default constants) run
 * after run against a webhook receiver on 127.0.0.1 until a run finds nothing to do.
 * Prints each run's time and counts, and checks: every run inside Netlify's 30 s, each due
 * lead delivered once, none lost, every expired lead deleted. Exit code 1 on a failed check.
 *
 * Same shape as tests/unit/delivery/backlog.test.ts, which runs a smaller store in the suite.
 */
import './loopback-only.ts';
import './consistent-blobs.ts';
import { channelState } from '../src/leads/storage/metadata.ts';
import { pruneRateLimit } from '../src/leads/intake/rate-limit.ts';
import { createLeadStore } from '../src/leads/storage/store.ts';
import { captureLog, testKeys } from '../tests/unit/callback/support/fixtures.ts';
import { seedBacklog, sweepUntilDone } from '../tests/unit/delivery/support/backlog.ts';
import { testClock } from '../tests/unit/delivery/support/leads.ts';
import { startServers, webhookLeadIds } from '../tests/unit/delivery/support/servers.ts';

const index = process.argv.indexOf('--leads');
const LEADS = index > 0 ? Number(process.argv[index + 1]) : 5_000;
const due = Math.round(LEADS * 0.5);
const expired = Math.round(LEADS * 0.3);
const shape = {
  due,
  expired,
  kept: LEADS - due - expired,
  orphans: Math.round(LEADS * 0.06),
  rateEntries: Math.round(LEADS * 0.3),
};

const servers = await startServers();
const problems: string[] = [];
try {
  const clock = testClock(new Date('2026-03-20T12:00:00.000Z'));
  const keys = await testKeys();
  const seeded = performance.now();
  const backlog = await seedBacklog(servers.blobs.directory, keys, clock.now(), shape, 14);
  console.info(`seeded ${JSON.stringify(shape)} in ${Math.round(performance.now() - seeded)} ms`);

  const log = captureLog();
  const runs = await sweepUntilDone(
    { leads: createLeadStore(), keys, channels: [servers.webhook], log: log.logger, now: clock.now },
    { retentionDays: 14, tidy: (now, more) => pruneRateLimit(now, undefined, undefined, more) },
    200,
    (run, n) =>
      console.info(
        `run ${n}: ${(run.ms / 1000).toFixed(1)} s, delivered ${run.report.delivered}, ` +
          `purged ${run.report.purged}, orphans ${run.report.orphans}, rate entries ${run.report.rateEntries}, ` +
          `deferred ${run.report.deferred}, repaired ${run.report.repaired}, read errors ${run.report.readErrors}`,
      ),
  );

  const sent = webhookLeadIds(servers);
  const remaining = new Map((await createLeadStore().list()).map((lead) => [lead.id, lead]));
  const check = (ok: boolean, what: string) => void (ok || problems.push(what));
  check(
    runs.every((run) => run.ms < 30_000),
    'a run took 30 s or more',
  );
  check(sent.length === due && new Set(sent).size === due, 'a due lead was not sent exactly once');
  check(
    backlog.due.every((id) => channelState(remaining.get(id)!.meta!, 'webhook').status === 'delivered'),
    'a due lead is not recorded as delivered',
  );
  check(
    backlog.kept.every((id) => remaining.has(id)),
    'a kept lead was lost',
  );
  check(
    backlog.expired.every((id) => !remaining.has(id)),
    'an expired lead was not deleted',
  );

  const delivering = runs.filter((run) => run.report.delivered > 0);
  console.info(
    `\n${LEADS} stored leads: ${runs.length} runs to finish; ` +
      `first run ${(runs[0]!.ms / 1000).toFixed(1)} s, delivered ${runs[0]!.report.delivered}; ` +
      `${delivering.length} runs delivered, ${Math.round(due / Math.max(1, delivering.length))} leads a run on average; ` +
      `slowest run ${(Math.max(...runs.map((run) => run.ms)) / 1000).toFixed(1)} s`,
  );
} finally {
  await servers.stop();
}
if (problems.length > 0) {
  console.error(`FAILED: ${problems.join('; ')}`);
  process.exitCode = 1;
}
