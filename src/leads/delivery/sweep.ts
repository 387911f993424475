/**
 * The scheduled sweep (netlify/functions/deliver-leads.mts, every 5 minutes): retries
 * every lead that is due, sends owed alerts, deletes leads past retention, and tidies the
 * rate-limit counters. Everything it decides comes from readable metadata; it opens a
 * lead only to send it.
 *
 * Netlify stops a scheduled run after 30 seconds, so the sweep starts no new lead after
 * `budgetMs` (10 s) and sends no alert that might not end by `limitMs` (27 s); what is
 * left is due again at the next run. Oldest leads go first.
 */
import type { ChannelName } from '../channels/names.ts';
import { errorName, type CountName } from '../log.ts';
import type { LeadSummary } from '../store.ts';
import { deliverLead } from './deliver-lead.ts';
import type { DeliveryDeps } from './deps.ts';
import { leaseActive, needsWork, undelivered } from './plan.ts';
import { purgeDecision } from './retention.ts';

/** No lead is started after this; one started just before it still ends inside the limit. */
export const SWEEP_BUDGET_MS = 10_000;
/** Netlify stops a scheduled run at 30 s; leave room to record outcomes. */
export const SWEEP_LIMIT_MS = 27_000;
export const SWEEP_CONCURRENCY = 4;

export interface SweepOptions {
  retentionDays: number;
  budgetMs?: number;
  limitMs?: number;
  concurrency?: number;
  /** Extra tidying, e.g. old rate-limit counters; answers how many entries it removed. */
  tidy?: (now: Date) => Promise<number>;
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
});

export async function sweep(deps: DeliveryDeps, options: SweepOptions): Promise<SweepReport> {
  const started = performance.now();
  const now = deps.now?.() ?? new Date();
  const names: ChannelName[] = deps.channels.map((channel) => channel.name);
  const report = emptyReport();

  if (names.length === 0) {
    // Leads wait, stored, until a channel is configured; say so on every run.
    deps.log.error({ event: 'config.error', outcome: 'failed', reason: 'no_channel' });
  }

  const leads = await deps.leads.list();
  report.leads = leads.length;
  for (const lead of leads.filter((summary) => summary.meta === null)) {
    report.damaged++;
    deps.log.error({ event: 'lead.damaged', outcome: 'failed', leadId: lead.id });
  }
  const due = leads
    .filter((lead) => lead.meta !== null && !leaseActive(lead.meta, now) && needsWork(lead.meta, names, now))
    .sort((a, b) => a.meta!.receivedAt.localeCompare(b.meta!.receivedAt));
  report.due = due.length;
  report.busy = leads.filter((lead) => lead.meta !== null && leaseActive(lead.meta, now)).length;

  await eachLimited(due, options.concurrency ?? SWEEP_CONCURRENCY, async (lead) => {
    if (performance.now() - started > (options.budgetMs ?? SWEEP_BUDGET_MS)) {
      report.deferred++;
      return;
    }
    try {
      const outcome = await deliverLead(deps, lead.id, {
        listedEtag: lead.etag,
        finishBy: started + (options.limitMs ?? SWEEP_LIMIT_MS),
      });
      if (outcome.status === 'busy') report.busy++;
      if (outcome.status !== 'done') return;
      report.claimed++;
      report.delivered += outcome.delivered.length;
      report.retried += outcome.retried.length;
      report.dead += outcome.dead.length;
      report.alerts += outcome.alerts;
    } catch (error) {
      logLeadError(deps, lead.id, error);
    }
  });

  const purged = await purge(deps, leads, names, now, options.retentionDays, report);
  report.undelivered = leads.filter(
    (lead) => lead.meta !== null && !purged.has(lead.id) && undelivered(lead.meta, names),
  ).length;

  if (options.tidy) {
    try {
      report.rateEntries = await options.tidy(now);
    } catch (error) {
      deps.log.warn({ event: 'sweep.error', outcome: 'warning', errorName: errorName(error) });
    }
  }

  const level = report.undelivered > 0 || report.damaged > 0 ? 'error' : 'info';
  deps.log[level]({
    event: 'sweep.finished',
    outcome: 'ok',
    counts: report,
    ms: performance.now() - started,
  });
  return report;
}

async function purge(
  deps: DeliveryDeps,
  leads: readonly LeadSummary[],
  names: readonly ChannelName[],
  now: Date,
  retentionDays: number,
  report: SweepReport,
): Promise<Set<string>> {
  const purged = new Set<string>();
  for (const lead of leads) {
    if (lead.meta === null) continue;
    const decision = purgeDecision(lead.meta, names, now, retentionDays);
    if (decision === 'keep') continue;
    try {
      await deps.leads.delete(lead.id);
      purged.add(lead.id);
      report.purged++;
      if (decision === 'delivered') {
        deps.log.info({ event: 'lead.purged', outcome: 'ok', leadId: lead.id, reason: 'retention' });
      } else {
        deps.log.error({ event: 'lead.purged', outcome: 'dead', leadId: lead.id, reason: 'undelivered' });
      }
    } catch (error) {
      logLeadError(deps, lead.id, error);
    }
  }
  return purged;
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
