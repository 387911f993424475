/**
 * The scheduled sweep (netlify/functions/deliver-leads.mts, every 5 minutes): retries
 * every lead that is due, sends owed alerts, deletes leads past retention, and tidies
 * orphaned submission entries and the rate-limit counters. Everything it decides comes
 * from readable metadata; it opens a lead only to send it.
 *
 * It never reads every lead. It lists the due index (../storage/lead-index.ts) up to now, oldest
 * first, and for each entry re-reads that one lead, decides, and moves the entry to the
 * next time the lead needs it (a retry, an alert, its purge). Leads with something to send
 * (the `due` lane) and settled leads waiting for their purge (the `settled` lane) are
 * listed apart and worked side by side, the second with fewer workers and a cap per run,
 * so a wave of purges never holds up a retry. A slow repair walk
 * re-indexes a bounded page of leads per run, resuming where the last run stopped, so a
 * lead whose index write failed is still found; the same kind of walk finds submission
 * entries whose lead was never written.
 *
 * Netlify stops a scheduled run after 30 seconds, so the sweep starts no new lead, reads
 * no more index pages and no more leads after `budgetMs`, and sends no alert that might
 * not end by `limitMs`; what is left is due again at the next run. Purges and both walks
 * are bounded per run too. A read that fails is that lead's problem only: logged by id,
 * counted, and the lead stays due for the next run.
 */
import type { ChannelName } from '../channels/names.ts';
import { withDeadline } from '../runtime/deadline.ts';
import { indexTime, type IndexEntry, type Lane } from '../storage/lead-index.ts';
import { errorName, type CountName } from '../runtime/log.ts';
import type { LeadMeta } from '../storage/metadata.ts';
import type { LeadSummary } from '../storage/store.ts';
import { deliverLead } from './deliver-lead.ts';
import { CHANNEL_DEADLINE_MS, type DeliveryDeps } from './deps.ts';
import { nextSweepAt } from './next-sweep.ts';
import { leaseActive, needsWork, undelivered } from './plan.ts';
import { purgeAt, purgeDecision, type PurgeDecision } from './retention.ts';

/** Netlify stops a scheduled run at 30 s; leave room to record outcomes. */
export const SWEEP_LIMIT_MS = 27_000;
/**
 * No lead is started (nor index page or lead read) after this. A lead started just before
 * it may take a whole channel deadline (every channel runs at once, CHANNEL_DEADLINE_MS at
 * most) and still end inside the limit: 27 - 22 = 5 s.
 */
export const SWEEP_BUDGET_MS = SWEEP_LIMIT_MS - CHANNEL_DEADLINE_MS;
/**
 * Housekeeping (the settled lane's purges, the repair walk, orphaned submissions, old
 * rate-limit counters) starts once the due lane has stopped starting leads, and starts no
 * new step later than this after the budget: work for admissions goes first, and
 * housekeeping still moves on every run, however long the due backlog.
 */
export const HOUSEKEEPING_MS = 5_000;
export const SWEEP_CONCURRENCY = 4;
/** Workers on the settled lane (purges, reminders), beside the SWEEP_CONCURRENCY on the due lane. */
export const SETTLED_CONCURRENCY = 2;
/** Leads deleted per run at most, and settled-lane entries looked at; the rest stay due for the next run. */
export const PURGES_PER_RUN = 250;
/** Leads the repair walk re-indexes per run: every lead once per (leads / this) runs. */
export const REPAIR_PER_RUN = 100;
/** Submission entries checked for a lead behind them per run. */
export const SUBMISSIONS_PER_RUN = 200;
/** A claimed submission with no lead this long after the claim was abandoned (a crash, a failed write). */
export const ORPHAN_AFTER_MS = 6 * 60 * 60_000;
/** An index entry with no lead behind it may be one whose lead is being written this moment. */
export const DANGLING_AFTER_MS = 15 * 60_000;
/** One Blobs read may not hold a sweep worker longer (the client retries a failing read for ~25 s). */
export const READ_DEADLINE_MS = 5_000;

export interface SweepOptions {
  retentionDays: number;
  budgetMs?: number;
  housekeepingMs?: number;
  limitMs?: number;
  concurrency?: number;
  purgesPerRun?: number;
  repairPerRun?: number;
  submissionsPerRun?: number;
  /**
   * Extra tidying, e.g. old rate-limit counters (bounded per run); answers how many entries
   * it removed. `more()` turns false when the run's housekeeping time is up.
   */
  tidy?: (now: Date, more: () => boolean) => Promise<number>;
}

export type SweepReport = Record<CountName, number>;

const emptyReport = (): SweepReport => ({
  leads: 0,
  due: 0,
  claimed: 0,
  busy: 0,
  delivered: 0,
  retried: 0,
  dead: 0,
  alerts: 0,
  purged: 0,
  undelivered: 0,
  damaged: 0,
  deferred: 0,
  rateEntries: 0,
  readErrors: 0,
  changed: 0,
  repaired: 0,
  orphans: 0,
});

interface Run {
  deps: DeliveryDeps;
  options: SweepOptions;
  names: ChannelName[];
  now: Date;
  started: number;
  report: SweepReport;
  inBudget(): boolean;
  /** The same for housekeeping (HOUSEKEEPING_MS more). */
  inHousekeeping(): boolean;
  /** Purges this run may still start. */
  purges: number;
  /** Leads this run deleted or is deleting: counted once, and left alone by the repair walk. */
  purged: Set<string>;
  /** Leads dead everywhere seen this run (either lane may meet one): counted once. */
  undelivered: Set<string>;
  damaged: Set<string>;
}

export async function sweep(deps: DeliveryDeps, options: SweepOptions): Promise<SweepReport> {
  const started = performance.now();
  const budgetMs = options.budgetMs ?? SWEEP_BUDGET_MS;
  const housekeepingMs = options.housekeepingMs ?? HOUSEKEEPING_MS;
  const run: Run = {
    deps,
    options,
    names: deps.channels.map((channel) => channel.name),
    now: deps.now?.() ?? new Date(),
    started,
    report: emptyReport(),
    inBudget: () => performance.now() - started <= budgetMs,
    inHousekeeping: () => performance.now() - started <= budgetMs + housekeepingMs,
    purges: options.purgesPerRun ?? PURGES_PER_RUN,
    damaged: new Set(),
    purged: new Set(),
    undelivered: new Set(),
  };
  const { report } = run;

  if (run.names.length === 0) {
    // Leads wait, stored and indexed, until a channel is configured; say so on every run.
    deps.log.error({ event: 'config.error', outcome: 'failed', reason: 'no_channel' });
  }

  // Each part fails alone: a listing that fails is logged, and the other parts go on.
  const part = (work: Promise<unknown>) =>
    work.catch((error: unknown) =>
      deps.log.error({ event: 'sweep.error', outcome: 'failed', errorName: errorName(error) }),
    );
  const leadsToo = run.names.length > 0;
  let dueLaneStopped: () => void = () => undefined;
  const housekeepingMayStart = new Promise<void>((resolve) => (dueLaneStopped = resolve));
  const housekeeping = async () => {
    await housekeepingMayStart;
    const steps: Promise<unknown>[] = [part(purgeOrphanedSubmissions(run))];
    if (leadsToo)
      steps.push(part(sweepLane(run, 'settled', SETTLED_CONCURRENCY, run.purges)), part(repair(run)));
    if (options.tidy) {
      steps.push(
        options.tidy(run.now, run.inHousekeeping).then(
          (removed) => void (report.rateEntries = removed),
          (error: unknown) =>
            deps.log.warn({ event: 'sweep.error', outcome: 'warning', errorName: errorName(error) }),
        ),
      );
    }
    await Promise.all(steps);
  };
  await Promise.all([
    leadsToo
      ? part(sweepLane(run, 'due', options.concurrency ?? SWEEP_CONCURRENCY, Infinity, dueLaneStopped))
      : dueLaneStopped(),
    housekeeping(),
  ]);

  const level =
    report.undelivered > 0 || report.damaged > 0 ? 'error' : report.readErrors > 0 ? 'warn' : 'info';
  deps.log[level]({
    event: 'sweep.finished',
    outcome: 'ok',
    counts: report,
    ms: performance.now() - started,
  });
  return report;
}

/** One lane of the index, oldest entry first, `concurrency` leads at a time, at most `cap` entries. */
async function sweepLane(
  run: Run,
  lane: Lane,
  concurrency: number,
  cap: number,
  stoppedStarting: () => void = () => undefined,
): Promise<void> {
  let left = cap;
  const inTime = lane === 'due' ? run.inBudget : run.inHousekeeping;
  const more = () => inTime() && left > 0;
  const entries = run.deps.leads.dueEntries(lane, run.now, more)[Symbol.asyncIterator]();
  /** Leads already handled this run, and whether that left the lead indexed by another entry. */
  const handled = new Map<string, Promise<boolean>>();
  const worker = async () => {
    for (let next = await entries.next(); !next.done; next = await entries.next()) {
      const entry = next.value;
      if (!more()) {
        // Not read: it may well need work. It is due again at the next run.
        run.report.due++;
        run.report.deferred++;
        continue;
      }
      const first = handled.get(entry.id);
      if (first) {
        // A second entry for a lead (a leftover of a crash or a race): drop it once the
        // first one has left the lead indexed.
        if (await first) await guard(run, entry.id, () => run.deps.leads.dropEntry(entry));
        continue;
      }
      left--;
      const work = guard(run, entry.id, () => handleEntry(run, entry)).then((done) => done === true);
      handled.set(entry.id, work);
      await work;
    }
  };
  // The first worker to find nothing more to start means the lane starts nothing new.
  const workers = Array.from({ length: Math.max(1, concurrency) }, () => worker().finally(stoppedStarting));
  try {
    await Promise.all(workers);
  } finally {
    stoppedStarting();
  }
}

/** Where a lead that needs nothing right now waits: settled leads in their own lane. */
function parkLane(run: Run, meta: LeadMeta): Lane {
  if (needsWork(meta, run.names, run.now)) return 'due';
  return purgeAt(meta, run.names, run.options.retentionDays) === null ? 'due' : 'settled';
}

/** Runs one lead's step; a failure is that lead's alone (logged by id). */
async function guard<T>(run: Run, leadId: string, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    logLeadError(run.deps, leadId, error);
    return undefined;
  }
}

async function read(run: Run, id: string) {
  try {
    const found = await withDeadline(run.deps.leads.inspect(id), READ_DEADLINE_MS);
    run.report.leads++;
    return found;
  } catch (error) {
    run.report.readErrors++;
    logLeadError(run.deps, id, error);
    return null;
  }
}

function reportDamaged(run: Run, id: string): void {
  if (run.damaged.has(id)) return;
  run.damaged.add(id);
  run.report.damaged++;
  run.deps.log.error({ event: 'lead.damaged', outcome: 'failed', leadId: id });
}

/** Answers true when the lead is left indexed by an entry other than `entry` (or needs none). */
async function handleEntry(run: Run, entry: IndexEntry): Promise<boolean> {
  const { deps, names, now, report } = run;
  const found = await read(run, entry.id);
  if (found === null) return false;
  if (found.kind === 'gone') {
    // No lead: purged, or never written (a failed intake). A young entry may be a lead
    // being written right now, so only an old one goes.
    if (entry.at <= now.getTime() - DANGLING_AFTER_MS) await deps.leads.dropEntry(entry);
    return false;
  }
  if (found.kind === 'purging') {
    if (run.purged.has(entry.id)) return false;
    run.purged.add(entry.id);
    await deps.leads.finishPurge(entry.id, found.submission, [entry]);
    report.purged++;
    return false;
  }
  const lead = found.lead;
  // Damaged metadata: the entry stays due, so every run says so until someone looks.
  if (lead.meta === null) {
    reportDamaged(run, lead.id);
    return false;
  }
  const meta = lead.meta;
  const decision = purgeDecision(meta, names, now, run.options.retentionDays);
  if (decision !== 'keep') return purge(run, lead, decision, entry);
  if (leaseActive(meta, now)) {
    // Someone is sending it; the entry stays, and the next run looks again.
    report.busy++;
    return false;
  }
  if (needsWork(meta, names, now)) return deliver(run, lead, entry);
  if (undelivered(meta, names) && !run.undelivered.has(lead.id)) {
    run.undelivered.add(lead.id);
    report.undelivered++;
  }
  const at = nextSweepAt(meta, names, now, run.options.retentionDays);
  if (at !== null) await deps.leads.reindex(lead.id, parkLane(run, meta), at, entry);
  return true;
}

async function deliver(run: Run, lead: LeadSummary, entry: IndexEntry): Promise<boolean> {
  const { report } = run;
  report.due++;
  if (!run.inBudget()) {
    report.deferred++;
    return false;
  }
  const outcome = await deliverLead(run.deps, lead.id, {
    listedEtag: lead.etag,
    finishBy: run.started + (run.options.limitMs ?? SWEEP_LIMIT_MS),
  });
  if (outcome.status === 'busy') report.busy++;
  if (outcome.status !== 'done') return false;
  report.claimed++;
  report.delivered += outcome.delivered.length;
  report.retried += outcome.retried.length;
  report.dead += outcome.dead.length;
  report.alerts += outcome.alerts;
  // The outcome's write indexed the lead's new state; this entry was for the old one.
  if (!outcome.recorded) return false;
  await run.deps.leads.dropEntry(entry);
  return true;
}

async function purge(run: Run, lead: LeadSummary, decision: PurgeDecision, entry: IndexEntry) {
  const { deps, report } = run;
  if (run.purges <= 0 || !(entry.lane === 'due' ? run.inBudget() : run.inHousekeeping())) {
    report.deferred++;
    return false;
  }
  run.purges--;
  run.purged.add(lead.id);
  const result = await deps.leads.purge(lead.id, lead.etag, lead.meta!.submission, [entry]);
  if (result === 'changed') {
    run.purged.delete(lead.id);
    // Changed since we read it (an operator's retry, a late outcome): kept; the next run decides again.
    report.changed++;
    return false;
  }
  report.purged++;
  if (decision === 'delivered') {
    deps.log.info({ event: 'lead.purged', outcome: 'ok', leadId: lead.id, reason: 'retention' });
  } else {
    deps.log.error({ event: 'lead.purged', outcome: 'dead', leadId: lead.id, reason: 'undelivered' });
  }
  return false;
}

/**
 * The next page of every lead, re-indexed from its metadata: a lead whose index write
 * failed, or one a channel configured since has never had, is found within
 * (leads / REPAIR_PER_RUN) runs.
 */
async function repair(run: Run): Promise<void> {
  const { deps, names, now } = run;
  const ids = await deps.leads.walk('lead', run.options.repairPerRun ?? REPAIR_PER_RUN);
  await eachLimited(ids, run.options.concurrency ?? SWEEP_CONCURRENCY, async (id) => {
    if (!run.inHousekeeping() || run.purged.has(id)) return;
    const found = await read(run, id);
    if (found === null || found.kind === 'gone') return;
    run.report.repaired++;
    await guard(run, id, async () => {
      if (found.kind === 'purging') {
        // A purge that stopped after its tombstone (not one this run is doing).
        if (run.purged.has(id)) return;
        run.purged.add(id);
        await deps.leads.finishPurge(id, found.submission, []);
        run.report.purged++;
        return;
      }
      const { meta } = found.lead;
      // Someone is sending it: their outcome writes its next entry.
      if (meta !== null && leaseActive(meta, now)) return;
      if (meta === null) {
        reportDamaged(run, id);
        await deps.leads.reindex(id, 'due', now.getTime());
        return;
      }
      const at = nextSweepAt(meta, names, now, run.options.retentionDays);
      if (at === null) return;
      const lane = parkLane(run, meta);
      // In the due lane, the very entry the store writes, so the walk adds no second one;
      // and only when it is missing: the walk reads, it writes only what it repairs.
      await deps.leads.ensureIndexed(id, lane, lane === 'due' ? Math.min(at, indexTime(meta)) : at);
    });
  });
}

/**
 * Submission entries claimed for a lead that was never written (a crash or a failed write
 * between the claim and the lead): deleted once they are ORPHAN_AFTER_MS old. An entry from
 * before claims carried a time is stamped with the time it was first seen orphaned.
 */
async function purgeOrphanedSubmissions(run: Run): Promise<void> {
  const { deps, now } = run;
  const hashes = await deps.leads.walk('submission', run.options.submissionsPerRun ?? SUBMISSIONS_PER_RUN);
  await eachLimited(hashes, run.options.concurrency ?? SWEEP_CONCURRENCY, async (hash) => {
    if (!run.inHousekeeping()) return;
    try {
      const entry = await withDeadline(deps.leads.getSubmission(hash), READ_DEADLINE_MS);
      if (entry === null || entry.leadId === null) return;
      if (await withDeadline(deps.leads.exists(entry.leadId), READ_DEADLINE_MS)) return;
      if (entry.claimedAt === null) {
        await deps.leads.stampSubmission(entry, now);
        return;
      }
      if (now.getTime() - entry.claimedAt < ORPHAN_AFTER_MS) return;
      await deps.leads.deleteSubmission(hash);
      run.report.orphans++;
    } catch (error) {
      run.report.readErrors++;
      deps.log.error({ event: 'sweep.error', outcome: 'failed', errorName: errorName(error) });
    }
  });
}

async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** One lead's step failed: the sweep goes on with the others, and the log names the id only. */
function logLeadError(deps: Pick<DeliveryDeps, 'log'>, leadId: string, error: unknown): void {
  deps.log.error({ event: 'sweep.error', outcome: 'failed', leadId, errorName: errorName(error) });
}
