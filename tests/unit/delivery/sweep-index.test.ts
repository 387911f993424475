/**
 * The sweep's due index and housekeeping: keys in time order, the store's guess never
 * later than the sweep's own, a failed read kept to its lead, a purge that loses to an
 * operator's retry, a lead whose index entry was lost, orphaned submission claims and old
 * rate-limit counters, each bounded per run and resumed by the next.
 */
import { getStore } from '@netlify/blobs';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nextSweepAt } from '../../../src/leads/delivery/next-sweep.ts';
import { retryMeta } from '../../../src/leads/delivery/operator.ts';
import { alertFlag, needsWork } from '../../../src/leads/delivery/plan.ts';
import { sweep } from '../../../src/leads/delivery/sweep.ts';
import { indexKey, indexTime, parseIndexKey } from '../../../src/leads/storage/lead-index.ts';
import {
  channelState,
  initialMeta,
  type ChannelState,
  type LeadMeta,
} from '../../../src/leads/storage/metadata.ts';
import { pruneRateLimit, RATE_STORE } from '../../../src/leads/intake/rate-limit.ts';
import { boundedFetch } from '../../../src/leads/storage/blobs-fetch.ts';
import { createLeadStore, LEADS_STORE } from '../../../src/leads/storage/store.ts';
import { captureLog } from '../callback/support/fixtures.ts';
import { deliveryDeps, HOUR, makeLead, storeLead, T0, testClock } from './support/leads.ts';
import { startServers, webhookLeadIds, type TestServers } from './support/servers.ts';

const DAY = 24 * HOUR;
const raw = () => getStore({ name: LEADS_STORE, consistency: 'strong' });
const retention = { retentionDays: 14 };

let servers: TestServers;
beforeAll(async () => {
  servers = await startServers();
});
afterAll(async () => {
  await servers.stop();
});
beforeEach(async () => {
  servers.receiver.reset();
  // Each test starts from an empty store.
  await raw().deleteAll();
  await getStore({ name: RATE_STORE, consistency: 'strong' }).deleteAll();
});

/** A store whose requests to Blobs pass through `hook` first (to fail them, or to race them). */
function hookedStore(hook: (method: string, key: string) => Promise<Response | void>) {
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const key = decodeURIComponent(url.pathname).split('/').slice(3).join('/');
    const answer = await hook((init?.method ?? 'GET').toUpperCase(), key);
    return answer ?? boundedFetch(input, init);
  };
  return createLeadStore(() => getStore({ name: LEADS_STORE, consistency: 'strong', fetch }));
}

const dead = (at: number): ChannelState => ({
  status: 'dead',
  attempts: 27,
  nextAttemptAt: null,
  lastAttemptAt: new Date(at).toISOString(),
  deliveredAt: null,
  lastError: 'http_500',
  since: new Date(at - DAY).toISOString(),
});

describe('index keys', () => {
  it('list in time order on the local server, and the sweep reads only those due', async () => {
    const times = [5, 1, 40, 3, 22, 0, 17].map((n) => T0.getTime() + n * HOUR);
    for (const at of times) await raw().set(indexKey('due', at, crypto.randomUUID()), '');
    const { blobs } = await raw().list({ prefix: 'due/' });
    const listed = blobs.map((blob) => parseIndexKey(blob.key)!.at);
    expect(listed).toEqual([...times].sort((a, b) => a - b));

    const due: number[] = [];
    for await (const entry of createLeadStore().dueEntries(
      'due',
      new Date(T0.getTime() + 5 * HOUR),
      () => true,
    ))
      due.push(entry.at);
    expect(due).toEqual(listed.filter((at) => at <= T0.getTime() + 5 * HOUR));
  });

  const names = ['webhook', 'email'] as const;
  const time = fc.integer({ min: 0, max: 30 * DAY });
  const state = fc.oneof(
    time.map((t): ChannelState => pendingAt(t)),
    time.map((t): ChannelState => deliveredAt(t)),
    time.map((t): ChannelState => dead(T0.getTime() + t)),
  );
  const lead = fc
    .record({
      channels: fc.record({ webhook: state, email: state }),
      flags: fc.subarray([alertFlag('webhook', 'email'), alertFlag('email', 'webhook')]),
      later: time,
    })
    .map(({ channels, flags, later }) => {
      const meta: LeadMeta = {
        ...initialMeta({ receivedAt: T0, consentVersion: 'c1', submission: null, channels: [] }),
        channels,
        flags,
      };
      const times = Object.values(channels).map((s) => Date.parse(s.lastAttemptAt ?? T0.toISOString()));
      return { meta, now: new Date(Math.max(...times) + later) };
    });

  it("the store's entry is never later than the sweep's own time for the lead", () => {
    fc.assert(
      fc.property(lead, ({ meta, now }) => {
        const sweepAt = nextSweepAt(meta, [...names], now, 14);
        return sweepAt === null || indexTime(meta) <= sweepAt;
      }),
      { numRuns: 2_000 },
    );
  });

  it('with fewer channels configured than the lead has, work that is due is never missed', () => {
    // (Its purge may come later than it would: the store counts the other channel too.)
    fc.assert(
      fc.property(lead, fc.subarray([...names], { minLength: 1 }), ({ meta, now }, configured) => {
        return !needsWork(meta, configured, now) || indexTime(meta) <= now.getTime();
      }),
      { numRuns: 2_000 },
    );
  });
});

function pendingAt(t: number): ChannelState {
  return {
    status: 'pending',
    attempts: 2,
    nextAttemptAt: new Date(T0.getTime() + t).toISOString(),
    lastAttemptAt: T0.toISOString(),
    deliveredAt: null,
    lastError: 'timeout',
  };
}
function deliveredAt(t: number): ChannelState {
  const at = new Date(T0.getTime() + t).toISOString();
  return {
    status: 'delivered',
    attempts: 1,
    nextAttemptAt: null,
    lastAttemptAt: at,
    deliveredAt: at,
    lastError: null,
  };
}

describe('a read that fails', () => {
  it('is that lead’s alone: the others are delivered, it is logged by id and delivered next run', async () => {
    const clock = testClock();
    const leads = [makeLead(), makeLead(), makeLead()];
    for (const lead of leads) await storeLead(createLeadStore(), lead, ['webhook']);
    const broken = leads[1]!.id;
    let failing = true;
    const store = hookedStore(async (method, key) => {
      if (failing && key === `lead/${broken}` && (method === 'GET' || method === 'HEAD'))
        return new Response(null, { status: 500 });
    });
    const log = captureLog();
    const deps = await deliveryDeps([servers.webhook], { clock, log: log.logger, leads: store });

    const first = await sweep(deps, retention);
    expect(first.delivered).toBe(2);
    // Once in the due lane, maybe again in the repair walk: the lead is counted, never the run lost.
    expect(first.readErrors).toBeGreaterThanOrEqual(1);
    expect(webhookLeadIds(servers).sort()).toEqual([leads[0]!.id, leads[2]!.id].sort());
    expect(log.events()).toContainEqual(expect.objectContaining({ event: 'sweep.error', leadId: broken }));

    failing = false;
    expect(await sweep(deps, retention)).toMatchObject({ delivered: 1, readErrors: 0 });
    expect(webhookLeadIds(servers).sort()).toEqual(leads.map((lead) => lead.id).sort());
  });
});

describe('purge', () => {
  it('an operator retry landing between the purge’s read and its delete is kept, and delivered', async () => {
    const clock = testClock();
    const lead = makeLead();
    const setup = createLeadStore();
    await storeLead(setup, lead, ['webhook']);
    const stored = (await setup.get(lead.id))!;
    await setup.putIfMatch(
      lead.id,
      stored.sealed,
      { ...stored.meta!, channels: { webhook: dead(T0.getTime()) } },
      stored.etag,
    );
    clock.set(new Date(T0.getTime() + 15 * DAY));

    // The moment the sweep's first write to the lead reaches Blobs, the operator's
    // `npm run leads -- retry` (operator.ts and a plain conditional write) lands first.
    let retried = false;
    const store = hookedStore(async (method, key) => {
      if (retried || key !== `lead/${lead.id}` || (method !== 'PUT' && method !== 'DELETE')) return;
      retried = true;
      const operator = createLeadStore();
      const current = (await operator.get(lead.id))!;
      const { meta } = retryMeta(current.meta!, clock.now());
      expect((await operator.putIfMatch(lead.id, current.sealed, meta, current.etag)).written).toBe(true);
    });
    const deps = await deliveryDeps([servers.webhook], { clock, leads: store });

    expect(await sweep(deps, retention)).toMatchObject({ purged: 0, changed: 1 });
    expect(retried).toBe(true);
    expect(channelState((await setup.getMeta(lead.id))!.meta!, 'webhook')).toMatchObject({
      status: 'pending',
    });
    expect(await sweep(deps, retention)).toMatchObject({ delivered: 1 });
    expect(webhookLeadIds(servers)).toEqual([lead.id]);
  });

  it('a purge that stopped after its tombstone is finished by the next run; the lead reads as gone meanwhile', async () => {
    const clock = testClock(new Date(T0.getTime() + 15 * DAY));
    const lead = makeLead();
    const store = createLeadStore();
    await storeLead(store, lead, ['webhook']);
    const stored = (await store.get(lead.id))!;
    // The tombstone written, then a crash: no delete followed.
    await raw().set(`lead/${lead.id}`, '', {
      metadata: { purging: clock.now().toISOString(), submission: null },
      onlyIfMatch: stored.etag,
    });
    expect(await store.get(lead.id)).toBeNull();
    const deps = await deliveryDeps([servers.webhook], { clock });
    expect(await sweep(deps, retention)).toMatchObject({ purged: 1, delivered: 0 });
    expect((await raw().list({ prefix: 'lead/' })).blobs).toEqual([]);
    expect((await raw().list({ prefix: 'due/' })).blobs).toEqual([]);
    expect(webhookLeadIds(servers)).toEqual([]);
  });

  it('is bounded per run and resumes', async () => {
    const clock = testClock();
    const store = createLeadStore();
    for (let i = 0; i < 5; i++) await storeLead(store, makeLead(), ['webhook']);
    const deps = await deliveryDeps([servers.webhook], { clock });
    expect(await sweep(deps, retention)).toMatchObject({ delivered: 5 });
    clock.advance(15 * DAY);
    const purged = [];
    for (let run = 0; run < 4; run++)
      purged.push((await sweep(deps, { ...retention, purgesPerRun: 2 })).purged);
    expect(purged).toEqual([2, 2, 1, 0]);
    expect(await store.list()).toEqual([]);
  });
});

describe('repair', () => {
  it('finds a lead whose index entry was never written, and the next run delivers it', async () => {
    const clock = testClock();
    const lead = makeLead();
    await storeLead(createLeadStore(), lead, ['webhook']);
    // As if the index write had failed: the lead is stored, its entry is not.
    for (const { key } of (await raw().list({ prefix: 'due/' })).blobs) await raw().delete(key);
    const deps = await deliveryDeps([servers.webhook], { clock });
    expect(await sweep(deps, retention)).toMatchObject({ delivered: 0, repaired: 1 });
    expect(await sweep(deps, retention)).toMatchObject({ delivered: 1 });
    expect(webhookLeadIds(servers)).toEqual([lead.id]);
  });
});

describe('orphaned submission entries', () => {
  it('a claim whose lead was never written goes after 6 hours, a few per run; a claim with its lead stays', async () => {
    const clock = testClock();
    const at = (ms: number) => ({ metadata: { claimedAt: new Date(T0.getTime() + ms).toISOString() } });
    const hash = (c: string) => c.repeat(64);
    const lead = makeLead();
    await storeLead(createLeadStore(), lead, ['webhook']);
    await raw().set(`submission/${hash('1')}`, crypto.randomUUID(), at(-7 * HOUR)); // orphan, old
    await raw().set(`submission/${hash('2')}`, crypto.randomUUID(), at(-8 * HOUR)); // orphan, old
    await raw().set(`submission/${hash('3')}`, crypto.randomUUID(), at(-1 * HOUR)); // orphan, young
    await raw().set(`submission/${hash('4')}`, crypto.randomUUID()); // orphan, from before claim times
    await raw().set(`submission/${hash('5')}`, lead.id, at(-30 * HOUR)); // its lead is there
    const deps = await deliveryDeps([servers.webhook], { clock });
    const left = async () =>
      (await raw().list({ prefix: 'submission/' })).blobs.map((b) => b.key.slice(11, 12));

    expect(await sweep(deps, { ...retention, submissionsPerRun: 2 })).toMatchObject({ orphans: 2 });
    expect(await left()).toEqual(['3', '4', '5']);
    expect(await sweep(deps, { ...retention, submissionsPerRun: 2 })).toMatchObject({ orphans: 0 });
    clock.advance(7 * HOUR);
    let removed = 0;
    for (let run = 0; run < 3; run++)
      removed += (await sweep(deps, { ...retention, submissionsPerRun: 2 })).orphans;
    expect(removed).toBe(2);
    expect(await left()).toEqual(['5']);
  });
});

describe('rate-limit counters', () => {
  it('past days go a bounded number per run; today stays', async () => {
    const rate = getStore({ name: RATE_STORE, consistency: 'strong' });
    const window = T0.getTime() - DAY;
    for (let i = 0; i < 25; i++)
      await rate.set(`clients/2026-03-01/${'a'.repeat(64)}/${window}/${crypto.randomUUID()}`, '1');
    await rate.set(`clients/2026-03-02/${'b'.repeat(64)}/${T0.getTime()}/${crypto.randomUUID()}`, '1');
    const removed = [];
    for (let run = 0; run < 4; run++) removed.push(await pruneRateLimit(T0, undefined, 10));
    expect(removed).toEqual([10, 10, 5, 0]);
    expect((await rate.list()).blobs.map((blob) => blob.key.slice(8, 18))).toEqual(['2026-03-02']);
  });
});
