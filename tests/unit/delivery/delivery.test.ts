/**
 * Delivery end to end inside the process: the handler stores a lead and makes the first
 * attempt, the sweeper retries on schedule (an injected clock), channels give up after
 * 24 hours and the other channel carries the alert. Real Blobs, a real HTTP receiver
 * that verifies every signature, a real SMTP server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverLead } from '../../../src/leads/delivery/deliver-lead.ts';
import type { DeliveryDeps } from '../../../src/leads/delivery/deps.ts';
import { sweep } from '../../../src/leads/delivery/sweep.ts';
import { handleCallback } from '../../../src/leads/intake/handler.ts';
import { channelState } from '../../../src/leads/storage/metadata.ts';
import type { LeadStore } from '../../../src/leads/storage/store.ts';
import {
  SECRETS,
  VALID,
  captureLog,
  makeDeps,
  randomIp,
  submit,
  type CapturedLog,
} from '../callback/support/fixtures.ts';
import { OTHER_KEY } from '../callback/support/fixtures.ts';
import { importLeadKeys } from '../../../src/leads/storage/lead-key.ts';
import {
  deliveryDeps,
  HOUR,
  makeLead,
  MINUTE,
  storeLead,
  T0,
  testClock,
  type TestClock,
} from './support/leads.ts';
import { emailLeadIds, startServers, webhookLeadIds, type TestServers } from './support/servers.ts';
import type { SmtpFault } from './support/smtp.ts';
import { TEST_WEBHOOK_SECRET, type Fault } from './support/receiver.ts';
import { createWebhookChannel } from '../../../src/leads/channels/webhook.ts';
import { closedPort } from '../callback/support/blobs.ts';

let servers: TestServers;
let clock: TestClock;
let log: CapturedLog;
let deps: DeliveryDeps & { leads: LeadStore };

beforeEach(async () => {
  servers = await startServers();
  clock = testClock();
  log = captureLog();
  deps = await deliveryDeps([servers.webhook, servers.email], { clock, log: log.logger });
});
afterEach(async () => {
  // Every request the receiver ever got carried a valid signature.
  expect(servers.receiver.calls.filter((call) => !call.verified)).toEqual([]);
  // No log line ever carried a field value.
  for (const secret of SECRETS) expect(log.lines.join('\n')).not.toContain(secret);
  await servers.stop();
});

const retention = { retentionDays: 14 };

/** Submits VALID through the real handler, first attempt included; answers the lead id. */
async function submitThroughHandler(): Promise<string> {
  const waited: Promise<unknown>[] = [];
  const callbackDeps = await makeDeps({
    log: log.logger,
    leads: deps.leads,
    channels: ['webhook', 'email'],
    now: clock.now,
    afterStore: async (id, etag) => void (await deliverLead(deps, id, { listedEtag: etag })),
    waitUntil: (work) => void waited.push(work),
  });
  const response = await handleCallback(
    submit('json', { ...VALID, startedAt: undefined }),
    randomIp(),
    callbackDeps,
  );
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  await Promise.all(waited);
  return id;
}

const stateOf = async (id: string, channel: string) =>
  channelState((await deps.leads.getMeta(id))!.meta!, channel);

describe('happy path', () => {
  it('the first attempt, right after storing, reaches both channels once; sweeps send nothing more', async () => {
    const id = await submitThroughHandler();
    expect(webhookLeadIds(servers)).toEqual([id]);
    expect(emailLeadIds(servers)).toEqual([id]);
    const event = servers.receiver.accepted()[0]!;
    expect(event.type === 'callback.requested' && event.data).toMatchObject({
      id,
      name: VALID.name,
      phone: '+14155552671',
      email: VALID.email,
      callTime: 'evening',
      forWhom: 'loved-one',
      program: 'outpatient',
      voicemail: true,
      texts: true,
      page: '/programs/outpatient/',
    });
    expect(await stateOf(id, 'webhook')).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(await stateOf(id, 'email')).toMatchObject({ status: 'delivered', attempts: 1 });
    expect((await deps.leads.getMeta(id))!.meta!.lease).toBeNull();

    for (const hours of [0, 1, 30]) {
      clock.set(new Date(T0.getTime() + hours * HOUR));
      const report = await sweep(deps, retention);
      expect(report).toMatchObject({ due: 0, delivered: 0 });
    }
    expect(servers.receiver.calls).toHaveLength(1);
    expect(servers.smtp.messages).toHaveLength(1);
  });

  it('the visitor is answered before delivery finishes (the attempt runs in waitUntil)', async () => {
    servers.receiver.setFault('hang');
    let settled = false;
    const waited: Promise<unknown>[] = [];
    const callbackDeps = await makeDeps({
      leads: deps.leads,
      channels: ['webhook', 'email'],
      afterStore: async (id, etag) => void (await deliverLead(deps, id, { listedEtag: etag })),
      waitUntil: (work) => void waited.push(work.then(() => (settled = true))),
    });
    const response = await handleCallback(submit('json', VALID), randomIp(), callbackDeps);
    expect(response.status).toBe(202);
    expect(settled).toBe(false);
    await Promise.all(waited);
    expect(settled).toBe(true);
  });
});

describe.each<[string, { webhook?: Fault; smtp?: SmtpFault }, 'webhook' | 'email', string]>([
  ['receiver down', {}, 'webhook', 'connection'],
  ['receiver answering 500', { webhook: 'http_500' }, 'webhook', 'http_500'],
  ['receiver hanging past the timeout', { webhook: 'hang' }, 'webhook', 'timeout'],
  ['SMTP refusing the recipient', { smtp: 'refuse_recipient' }, 'email', 'smtp_550'],
  ['SMTP dropping the connection', { smtp: 'drop' }, 'email', 'connection'],
])('fault: %s', (_, faults, failing, code) => {
  const other = failing === 'webhook' ? 'email' : 'webhook';
  const downOrFault = async (on: boolean) => {
    // "Down": a channel pointed at a port where nothing listens. "Hanging": the same
    // receiver through a channel with a short timeout, so 24 hours of tries stay quick.
    if (failing === 'webhook' && (!faults.webhook || faults.webhook === 'hang')) {
      const webhook = !faults.webhook ? await deadWebhook() : shortTimeoutWebhook();
      deps.channels = on ? [webhook, servers.email] : [servers.webhook, servers.email];
    }
    servers.receiver.setFault(on ? (faults.webhook ?? 'none') : 'none');
    servers.smtp.setFault(on ? (faults.smtp ?? 'none') : 'none');
  };

  it('is retried on schedule and delivered once the fault clears; the other channel gets it once', async () => {
    await downOrFault(true);
    const id = await submitThroughHandler();
    expect(await stateOf(id, failing)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: code,
      nextAttemptAt: new Date(T0.getTime() + MINUTE).toISOString(),
    });
    expect(await stateOf(id, other)).toMatchObject({ status: 'delivered' });

    clock.advance(30_000); // Not due yet.
    expect(await sweep(deps, retention)).toMatchObject({ due: 0 });
    clock.set(new Date(T0.getTime() + MINUTE)); // Due: tried again, fails again.
    expect(await sweep(deps, retention)).toMatchObject({ due: 1, retried: 1 });
    expect(await stateOf(id, failing)).toMatchObject({
      attempts: 2,
      nextAttemptAt: new Date(T0.getTime() + 6 * MINUTE).toISOString(),
    });

    await downOrFault(false);
    clock.set(new Date(T0.getTime() + 6 * MINUTE));
    expect(await sweep(deps, retention)).toMatchObject({ due: 1, delivered: 1 });
    expect(await stateOf(id, failing)).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });

    clock.advance(2 * HOUR);
    expect(await sweep(deps, retention)).toMatchObject({ due: 0 });
    const ids = failing === 'webhook' ? webhookLeadIds(servers) : emailLeadIds(servers);
    const otherIds = failing === 'webhook' ? emailLeadIds(servers) : webhookLeadIds(servers);
    expect(ids).toEqual([id]);
    expect(otherIds).toEqual([id]);
  });

  it('after 24 hours it is dead, and the alert goes out on the other channel, once', async () => {
    await downOrFault(true);
    const id = await submitThroughHandler();
    const sweeps = await sweepUntilSettled(id, failing);
    expect(sweeps).toBeGreaterThan(20);
    expect(await stateOf(id, failing)).toMatchObject({ status: 'dead', lastError: code });
    expect(log.events()).toContainEqual(
      expect.objectContaining({
        event: 'delivery.dead',
        outcome: 'dead',
        leadId: id,
        channel: failing,
        code,
      }),
    );
    const alerts = alertsOn(other);
    expect(alerts).toEqual([{ leadId: id, channel: failing }]);

    // Later sweeps neither alert again nor send the lead again.
    for (let i = 0; i < 3; i++) {
      clock.advance(HOUR);
      await sweep(deps, retention);
    }
    expect(alertsOn(other)).toHaveLength(1);
    expect(failing === 'webhook' ? emailLeadIds(servers) : webhookLeadIds(servers)).toEqual([id]);
  });
});

describe('the 30-second limit of a scheduled run', () => {
  it('an alert that might not fit is left for the next run, not cut off', async () => {
    const lead = makeLead();
    await storeLead(deps.leads, lead, ['webhook', 'email']);
    servers.receiver.setFault('http_500');
    await sweepUntilSettled(lead.id, 'webhook', { limitMs: 0 });
    expect(alertsOn('email')).toEqual([]);
    clock.advance(5 * MINUTE);
    expect(await sweep(deps, retention)).toMatchObject({ due: 1, alerts: 1 });
    expect(alertsOn('email')).toEqual([{ leadId: lead.id, channel: 'webhook' }]);
  });

  it('no lead is started once the budget is spent; they wait for the next run', async () => {
    for (let i = 0; i < 3; i++) await storeLead(deps.leads, makeLead(), ['webhook', 'email']);
    expect(await sweep(deps, { ...retention, budgetMs: -1 })).toMatchObject({
      due: 3,
      deferred: 3,
      claimed: 0,
    });
    expect(await sweep(deps, retention)).toMatchObject({ due: 3, claimed: 3, delivered: 6 });
  });
});

describe('retention', () => {
  it('a delivered lead is deleted 14 days after delivery; a lead dead everywhere 14 days after it died, with an error line', async () => {
    const deliveredLead = makeLead();
    await storeLead(deps.leads, deliveredLead, ['webhook', 'email']);
    await sweep(deps, retention);
    const deadLead = makeLead();
    await storeLead(deps.leads, deadLead, ['webhook', 'email']);
    servers.receiver.setFault('http_500');
    servers.smtp.setFault('refuse_recipient');
    await sweepUntilSettled(deadLead.id, 'webhook');
    expect(await stateOf(deadLead.id, 'email')).toMatchObject({ status: 'dead' });

    clock.set(new Date(T0.getTime() + 14 * 24 * HOUR));
    expect(await sweep(deps, retention)).toMatchObject({ purged: 1, undelivered: 1 });
    expect(await deps.leads.getMeta(deliveredLead.id)).toBeNull();
    clock.set(new Date(T0.getTime() + 15 * 24 * HOUR + 1));
    expect(await sweep(deps, retention)).toMatchObject({ purged: 1, undelivered: 0 });
    expect(await deps.leads.getMeta(deadLead.id)).toBeNull();
    expect(log.events()).toContainEqual(
      expect.objectContaining({ event: 'lead.purged', leadId: deadLead.id, reason: 'undelivered' }),
    );
    expect(log.lines.find((line) => line.includes('"undelivered"') && line.includes(deadLead.id))).toMatch(
      /^error /,
    );
  });
});

describe('a lead that cannot be opened', () => {
  it('is retried as unreadable (never sent), logged by id', async () => {
    const lead = makeLead();
    await storeLead(deps.leads, lead, ['webhook', 'email']);
    const wrongKey = { ...deps, keys: await importLeadKeys(OTHER_KEY) };
    expect(await sweep(wrongKey, retention)).toMatchObject({ retried: 2, delivered: 0 });
    expect(await stateOf(lead.id, 'webhook')).toMatchObject({ status: 'pending', lastError: 'unreadable' });
    expect(servers.receiver.calls).toHaveLength(0);
    expect(log.events()).toContainEqual(
      expect.objectContaining({ event: 'lead.unreadable', leadId: lead.id }),
    );
  });
});

/** Runs the sweeper at every due time until `channel` settles; answers the number of sweeps. */
async function sweepUntilSettled(
  id: string,
  channel: string,
  extra: { limitMs?: number } = {},
): Promise<number> {
  for (let sweeps = 1; sweeps < 100; sweeps++) {
    const state = await stateOf(id, channel);
    if (state.status !== 'pending') return sweeps - 1;
    clock.set(new Date(state.nextAttemptAt!));
    await sweep(deps, { ...retention, ...extra });
  }
  throw new Error('never settled');
}

function alertsOn(channel: 'webhook' | 'email'): { leadId: string; channel: string }[] {
  if (channel === 'webhook') {
    return servers.receiver
      .accepted()
      .flatMap((event) =>
        event.type === 'callback.delivery_failed'
          ? [{ leadId: event.data.id, channel: event.data.channel }]
          : [],
      );
  }
  return servers.smtp.messages.flatMap((mail) => {
    const match = /^<failed-(\w+)-([0-9a-f-]{36})@/.exec(mail.headers.get('message-id') ?? '');
    return match ? [{ leadId: match[2]!, channel: match[1]! }] : [];
  });
}

async function deadWebhook() {
  return createWebhookChannel({
    url: `http://127.0.0.1:${await closedPort()}/x`,
    secret: TEST_WEBHOOK_SECRET,
  });
}

function shortTimeoutWebhook() {
  return createWebhookChannel({ url: servers.receiver.url, secret: TEST_WEBHOOK_SECRET, timeoutMs: 150 });
}
