/**
 * Two sweepers at once (Netlify may start a run while the last one is still going, and a
 * first attempt may meet a sweep): each lead is still sent once per channel.
 *
 * The Blobs server here keeps the promises Netlify's service keeps (scripts/consistent-blobs.ts):
 * the plain local server does not, and could let two claimants through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverLead } from '../../../src/leads/delivery/deliver-lead.ts';
import { sweep } from '../../../src/leads/delivery/sweep.ts';
import { channelState } from '../../../src/leads/storage/metadata.ts';
import { captureLog } from '../callback/support/fixtures.ts';
import { deliveryDeps, makeLead, storeLead, testClock } from './support/leads.ts';
import { emailLeadIds, startServers, webhookLeadIds, type TestServers } from './support/servers.ts';

let servers: TestServers;
beforeAll(async () => {
  servers = await startServers();
});
afterAll(async () => {
  await servers.stop();
});

const counts = (ids: string[]) => {
  const seen = new Map<string, number>();
  for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
  return seen;
};

// These tests are about who gets each lead, not about the time budget (sweep.test.ts has
// that): a loaded machine (build tests beside them) made a 5 s budget stop a sweep early.
const RACE_BUDGET_MS = 60_000;

describe('concurrent sweeps', () => {
  it.each([2, 3])('%i sweeps at once send each of 40 leads once per channel', async (sweepers) => {
    servers.receiver.reset();
    servers.smtp.reset();
    const clock = testClock();
    const channels = [servers.webhook, servers.email];
    const setup = await deliveryDeps(channels, { clock });
    const leads = Array.from({ length: 40 }, () => makeLead());
    for (const lead of leads) await storeLead(setup.leads, lead, ['webhook', 'email']);

    const runs = await Promise.all(
      Array.from({ length: sweepers }, async () =>
        sweep(await deliveryDeps(channels, { clock, log: captureLog().logger }), {
          retentionDays: 14,
          budgetMs: RACE_BUDGET_MS,
        }),
      ),
    );

    const ids = leads.map((lead) => lead.id).sort();
    const webhook = counts(webhookLeadIds(servers));
    const email = counts(emailLeadIds(servers));
    expect([...webhook.keys()].sort()).toEqual(ids);
    expect([...email.keys()].sort()).toEqual(ids);
    expect([...webhook.values(), ...email.values()].every((n) => n === 1)).toBe(true);
    expect(runs.reduce((sum, run) => sum + run.claimed, 0)).toBe(40);
    for (const lead of leads) {
      const meta = (await setup.leads.getMeta(lead.id))!.meta!;
      expect(channelState(meta, 'webhook').status).toBe('delivered');
      expect(channelState(meta, 'email').status).toBe('delivered');
      expect(meta.lease).toBeNull();
    }
  });

  it('a first attempt and a sweep racing for the same new lead send it once', async () => {
    servers.receiver.reset();
    const clock = testClock();
    const deps = await deliveryDeps([servers.webhook], { clock });
    const leads = Array.from({ length: 20 }, () => makeLead());
    for (const lead of leads) await storeLead(deps.leads, lead, ['webhook']);
    await Promise.all([
      ...leads.map((lead) => deliverLead(deps, lead.id)),
      sweep(deps, { retentionDays: 14, budgetMs: RACE_BUDGET_MS }),
    ]);
    const webhook = counts(webhookLeadIds(servers));
    expect(webhook.size).toBe(20);
    expect([...webhook.values()].every((n) => n === 1)).toBe(true);
  });

  it('a lease that lapsed (its holder died) is taken over, so the lead is not stuck', async () => {
    servers.receiver.reset();
    const clock = testClock();
    const deps = await deliveryDeps([servers.webhook], { clock });
    const lead = makeLead();
    await storeLead(deps.leads, lead, ['webhook']);
    // A sweeper claims it and dies before sending: write its lease by hand.
    const stored = (await deps.leads.get(lead.id))!;
    const until = new Date(clock.now().getTime() + 120_000).toISOString();
    await deps.leads.putIfMatch(
      lead.id,
      stored.sealed,
      { ...stored.meta!, lease: { token: crypto.randomUUID(), until } },
      stored.etag,
    );
    expect(await sweep(deps, { retentionDays: 14, budgetMs: RACE_BUDGET_MS })).toMatchObject({
      busy: 1,
      claimed: 0,
    });
    clock.advance(120_001);
    expect(await sweep(deps, { retentionDays: 14, budgetMs: RACE_BUDGET_MS })).toMatchObject({
      claimed: 1,
      delivered: 1,
    });
    expect(webhookLeadIds(servers)).toEqual([lead.id]);
  });
});
