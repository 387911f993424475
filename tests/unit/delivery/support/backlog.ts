/**
 * A store left full by a long CRM outage or a spam wave, and the scheduled sweep run
 * against it in real time until nothing is left to do. Shared by the in-suite test
 * (tests/unit/delivery/backlog.test.ts) and the benchmark (scripts/bench-sweep.ts).
 *
 * Seeding writes the local Blobs server's files directly (thousands of leads in seconds,
 * not minutes of HTTP): each lead's sealed body and metadata, and the index entries the
 * store and earlier runs would have left, with the project's own key functions; the
 * server then serves them like any others.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Channel } from '../../../../src/leads/channels/channel.ts';
import { sweep, type SweepOptions, type SweepReport } from '../../../../src/leads/delivery/sweep.ts';
import type { LeadKeys } from '../../../../src/leads/storage/lead-key.ts';
import type { Logger } from '../../../../src/leads/runtime/log.ts';
import { nextSweepAt } from '../../../../src/leads/delivery/next-sweep.ts';
import { indexKey, indexTime } from '../../../../src/leads/storage/lead-index.ts';
import { initialMeta, type ChannelState, type LeadMeta } from '../../../../src/leads/storage/metadata.ts';
import { RATE_STORE } from '../../../../src/leads/intake/rate-limit.ts';
import { sealLead } from '../../../../src/leads/storage/sealed-lead.ts';
import { createLeadStore, LEADS_STORE, type LeadStore } from '../../../../src/leads/storage/store.ts';
import { SITE_ID } from '../../callback/support/blobs.ts';
import { makeLead } from './leads.ts';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

export interface BacklogShape {
  /** Pending on the webhook, failing for hours, due now. */
  due: number;
  /** Delivered more than the retention period ago: to be purged. */
  expired: number;
  /** Delivered yesterday: kept, and not to be sent again. */
  kept: number;
  /** Submission entries claimed 7 hours ago whose lead was never written. */
  orphans: number;
  /** Yesterday's rate-limit counters. */
  rateEntries: number;
}

export interface Backlog {
  due: string[];
  expired: string[];
  kept: string[];
  orphans: string[];
}

const iso = (ms: number) => new Date(ms).toISOString();

function failingFor(now: number, hours: number): ChannelState {
  return {
    status: 'pending',
    attempts: hours + 3,
    nextAttemptAt: iso(now - 60_000),
    lastAttemptAt: iso(now - HOUR - 60_000),
    deliveredAt: null,
    lastError: 'http_503',
    since: iso(now - hours * HOUR),
  };
}

function deliveredAt(at: number): ChannelState {
  return {
    status: 'delivered',
    attempts: 1,
    nextAttemptAt: null,
    lastAttemptAt: iso(at),
    deliveredAt: iso(at),
    lastError: null,
    since: iso(at),
  };
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** Writes one entry where the local server keeps it (`directory`: its folder; site stores are named `site:<name>`). */
async function writeEntry(
  directory: string,
  store: string,
  key: string,
  body: string,
  metadata?: Record<string, unknown>,
): Promise<void> {
  const data = join(directory, 'entries', SITE_ID, `site:${store}`, key);
  await mkdir(dirname(data), { recursive: true });
  await writeFile(data, body);
  if (!metadata) return;
  const meta = join(directory, 'metadata', SITE_ID, `site:${store}`, key);
  await mkdir(dirname(meta), { recursive: true });
  await writeFile(meta, JSON.stringify(metadata));
}

/** Seeds the store of the Blobs server in `directory` as of `now` (the sweep's scheduling clock). */
export async function seedBacklog(
  directory: string,
  keys: LeadKeys,
  now: Date,
  shape: BacklogShape,
  retentionDays: number,
): Promise<Backlog> {
  const t = now.getTime();
  const backlog: Backlog = { due: [], expired: [], kept: [], orphans: [] };
  const plan: { kind: keyof Omit<Backlog, 'orphans'>; receivedAt: number; webhook: ChannelState }[] = [
    ...Array.from({ length: shape.due }, (_, i) => ({
      kind: 'due' as const,
      receivedAt: t - (6 + (i % 12)) * HOUR,
      webhook: failingFor(t, 6 + (i % 12)),
    })),
    ...Array.from({ length: shape.expired }, () => ({
      kind: 'expired' as const,
      receivedAt: t - 20 * DAY,
      webhook: deliveredAt(t - 20 * DAY),
    })),
    ...Array.from({ length: shape.kept }, () => ({
      kind: 'kept' as const,
      receivedAt: t - DAY,
      webhook: deliveredAt(t - DAY),
    })),
  ];
  await inParallel(plan, 32, async ({ kind, receivedAt, webhook }) => {
    const lead = makeLead({ receivedAt: iso(receivedAt) });
    const meta: LeadMeta = {
      ...initialMeta({
        receivedAt: new Date(receivedAt),
        consentVersion: lead.consent.version,
        submission: null,
        channels: [],
      }),
      channels: { webhook },
    };
    await writeEntry(directory, LEADS_STORE, `lead/${lead.id}`, await sealLead(keys, lead), { ...meta });
    // Pending leads carry the entry the store writes; settled ones the entry an earlier
    // run parked them at (their purge time), as a store in use holds them.
    const key =
      kind === 'due'
        ? indexKey('due', indexTime(meta), lead.id)
        : indexKey('settled', nextSweepAt(meta, ['webhook'], now, retentionDays)!, lead.id);
    await writeEntry(directory, LEADS_STORE, key, '');
    backlog[kind].push(lead.id);
  });

  const orphans = Array.from({ length: shape.orphans }, () =>
    Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('hex'),
  );
  await inParallel(orphans, 32, async (hash) => {
    await writeEntry(directory, LEADS_STORE, `submission/${hash}`, crypto.randomUUID(), {
      claimedAt: iso(t - 7 * HOUR),
    });
  });
  backlog.orphans = orphans;

  const yesterday = iso(t - DAY).slice(0, 10);
  const windowStart = Math.floor((t - DAY) / 60_000) * 60_000;
  const counters = Array.from({ length: shape.rateEntries }, (_, i) => i);
  await inParallel(counters, 32, async (i) => {
    const client = `${'c'.repeat(63)}${i % 10}`;
    await writeEntry(
      directory,
      RATE_STORE,
      `clients/${yesterday}/${client}/${windowStart}/${crypto.randomUUID()}`,
      '1',
    );
  });
  return backlog;
}

export interface SweepRun {
  report: SweepReport;
  /** Wall time of the run. */
  ms: number;
}

/**
 * Runs the sweep again and again at the same scheduling time (a run every 5 minutes, and
 * nothing new becomes due in between), in real time, until a run finds nothing to do.
 */
export async function sweepUntilDone(
  deps: {
    leads: LeadStore;
    keys: LeadKeys;
    channels: readonly Channel[];
    log: Logger;
    now: () => Date;
  },
  options: SweepOptions,
  maxRuns = 40,
  onRun: (run: SweepRun, n: number) => void = () => undefined,
): Promise<SweepRun[]> {
  const runs: SweepRun[] = [];
  for (let i = 0; i < maxRuns; i++) {
    const started = performance.now();
    // A fresh store for every run, as each scheduled run is a fresh function call.
    const report = await sweep({ ...deps, leads: createLeadStore(), random: () => 0.5 }, options);
    runs.push({ report, ms: performance.now() - started });
    onRun(runs.at(-1)!, runs.length);
    const busy = report.due + report.purged + report.deferred + report.orphans + report.rateEntries;
    if (busy === 0 && report.changed === 0) return runs;
  }
  throw new Error(`still busy after ${maxRuns} runs`);
}
