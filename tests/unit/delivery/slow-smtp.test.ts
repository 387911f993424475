/**
 * A slow SMTP server, through deliver-lead and the sweep: real smtp-server on 127.0.0.1
 * answering each step late, real Blobs, real time.
 *
 * The shape runs with the limits scaled down (a 3 s limit for the whole message, 2 s a
 * step, a 4 s backstop; room for a loaded machine) so that it stays quick, and once with the production numbers: a
 * server taking about 13 s for a message, past the old 12 s deadline that recorded a
 * timeout while the mail still went through and then sent it again.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/leads/channels/channel.ts';
import { createEmailChannel } from '../../../src/leads/channels/email.ts';
import { createWebhookChannel } from '../../../src/leads/channels/webhook.ts';
import { deliverLead } from '../../../src/leads/delivery/deliver-lead.ts';
import type { DeliveryDeps } from '../../../src/leads/delivery/deps.ts';
import { sweep } from '../../../src/leads/delivery/sweep.ts';
import { channelState, initialMeta, type LeadMeta } from '../../../src/leads/storage/metadata.ts';
import type { LeadStore } from '../../../src/leads/storage/store.ts';
import { sealLead } from '../../../src/leads/storage/sealed-lead.ts';
import '../../../scripts/consistent-blobs.ts';
import { closedPort, startBlobs, type TestBlobs } from '../callback/support/blobs.ts';
import { captureLog, testKeys, type CapturedLog } from '../callback/support/fixtures.ts';
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
import { ADMISSIONS } from './support/servers.ts';
import { TEST_WEBHOOK_SECRET } from './support/receiver.ts';
import { startSmtp, type SmtpDelays, type TestSmtp } from './support/smtp.ts';

/** Scaled: the whole message, each step, deliver-lead's backstop. */
const LIMIT_MS = 3_000;
const STEP_MS = 2_000;
const DEADLINE_MS = 4_000;

/** Half the limit, every step well inside its own timeout: a working server. */
const SLOW: SmtpDelays = { connect: 400, mailFrom: 400, rcptTo: 400, dataReply: 400 };
/**
 * Each step inside its timeout, all of them past the limit (and past the backstop, so a
 * send left running would arrive), all before the final dot.
 */
const TOO_SLOW: SmtpDelays = { connect: 1_500, mailFrom: 1_500, rcptTo: 1_500 };

let smtp: TestSmtp;
let blobs: TestBlobs;
let webhook: Channel;
let clock: TestClock;
let log: CapturedLog;
beforeAll(async () => {
  smtp = await startSmtp();
  // Nothing listens there: only ever used as the dead channel an alert is about.
  webhook = createWebhookChannel({
    url: `http://127.0.0.1:${await closedPort()}/x`,
    secret: TEST_WEBHOOK_SECRET,
  });
});
afterAll(async () => {
  await smtp.stop();
});
beforeEach(async () => {
  // A store of its own per test: a sweep sees only this test's leads.
  blobs = await startBlobs();
  smtp.reset();
  clock = testClock();
  log = captureLog();
});
afterEach(async () => {
  await blobs.stop();
});

const emailChannel = (limits: { limitMs?: number; timeoutMs?: number } = {}) =>
  createEmailChannel({
    smtpUrl: smtp.url,
    to: ADMISSIONS,
    from: 'Callback requests <callbacks@center.test>',
    ...limits,
  });

/** Deps with the scaled backstop; the dead webhook rides along only where an alert is about it. */
async function scaledDeps(
  options: { email?: Channel; withWebhook?: boolean } = {},
): Promise<DeliveryDeps & { leads: LeadStore }> {
  const email = options.email ?? emailChannel({ limitMs: LIMIT_MS, timeoutMs: STEP_MS });
  const channels = options.withWebhook ? [webhook, email] : [email];
  const deps = await deliveryDeps(channels, { clock, log: log.logger });
  return { ...deps, channelDeadlineMs: DEADLINE_MS };
}

const stateOf = async (leads: LeadStore, id: string, channel: string) =>
  channelState((await leads.getMeta(id))!.meta!, channel);

const leadMails = (id: string) =>
  smtp.messages.filter((mail) => mail.headers.get('message-id')?.startsWith(`<callback-${id}@`));
const alertMails = (id: string) =>
  smtp.messages.filter((mail) => mail.headers.get('message-id')?.startsWith(`<failed-webhook-${id}@`));

/** A lead only the email channel still has to take. */
async function emailDueLead(deps: DeliveryDeps & { leads: LeadStore }) {
  const lead = makeLead();
  await storeLead(deps.leads, lead, ['email']);
  return lead;
}

/** A lead the email channel has, whose webhook died 24 hours in: the alert is owed. */
async function deadWebhookLead(deps: DeliveryDeps & { leads: LeadStore }) {
  const lead = makeLead();
  const start = initialMeta({
    receivedAt: T0,
    consentVersion: lead.consent.version,
    submission: null,
    channels: ['webhook', 'email'],
  });
  const diedAt = new Date(T0.getTime() + 24 * HOUR).toISOString();
  const meta: LeadMeta = {
    ...start,
    channels: {
      webhook: {
        ...start.channels['webhook']!,
        status: 'dead',
        attempts: 27,
        nextAttemptAt: null,
        lastAttemptAt: diedAt,
        lastError: 'connection',
      },
      email: {
        ...start.channels['email']!,
        status: 'delivered',
        attempts: 1,
        nextAttemptAt: null,
        lastAttemptAt: T0.toISOString(),
        deliveredAt: T0.toISOString(),
      },
    },
  };
  await deps.leads.put(lead.id, await sealLead(await testKeys(), lead), meta);
  clock.set(new Date(diedAt));
  return lead;
}

/** Runs deliver-lead once; answers the outcome and how long it took. */
async function timed(deps: DeliveryDeps, id: string) {
  const started = performance.now();
  const outcome = await deliverLead(deps, id);
  return { outcome, ms: performance.now() - started };
}

describe('a lead email to a slow SMTP server', () => {
  it('slow but inside the limit: delivered once, recorded delivered, the next sweep sends nothing', async () => {
    const deps = await scaledDeps();
    const lead = await emailDueLead(deps);
    smtp.setDelays(SLOW);
    const { outcome } = await timed(deps, lead.id);
    expect(outcome).toMatchObject({ status: 'done', delivered: ['email'], retried: [] });
    expect(await stateOf(deps.leads, lead.id, 'email')).toMatchObject({ status: 'delivered', attempts: 1 });

    clock.advance(HOUR);
    expect(await sweep(deps, { retentionDays: 14 })).toMatchObject({ due: 0, delivered: 0 });
    expect(leadMails(lead.id)).toHaveLength(1);
  });

  it('slower than the limit: the channel ends the attempt itself, a timeout is recorded, the server stored nothing; once it recovers, one copy', async () => {
    const deps = await scaledDeps();
    const lead = await emailDueLead(deps);
    smtp.setDelays(TOO_SLOW);
    const { outcome, ms } = await timed(deps, lead.id);
    expect(outcome).toMatchObject({ status: 'done', delivered: [], retried: ['email'] });
    expect(await stateOf(deps.leads, lead.id, 'email')).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'timeout',
    });
    // The client closed the connection before the final dot: the server keeps nothing.
    await smtp.whenIdle();
    expect(smtp.messages).toHaveLength(0);
    // The channel's own limit ended it, not deliver-lead's backstop.
    expect(ms).toBeGreaterThanOrEqual(LIMIT_MS - 50);
    expect(ms).toBeLessThan(DEADLINE_MS);

    smtp.setDelays({});
    clock.advance(MINUTE);
    expect(await sweep(deps, { retentionDays: 14 })).toMatchObject({ due: 1, delivered: 1 });
    expect(await stateOf(deps.leads, lead.id, 'email')).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(leadMails(lead.id)).toHaveLength(1);
  });

  it("a channel that overruns its own limit is aborted by deliver-lead's backstop: nothing arrives later", async () => {
    // The channel would wait 8 s; the backstop gives up at 4 s and must cancel the send.
    const deps = await scaledDeps({ email: emailChannel({ limitMs: 8_000, timeoutMs: 8_000 }) });
    const lead = await emailDueLead(deps);
    smtp.setDelays({ connect: 1_500, mailFrom: 1_500, rcptTo: 1_500 });
    const { outcome, ms } = await timed(deps, lead.id);
    expect(outcome).toMatchObject({ retried: ['email'] });
    expect(await stateOf(deps.leads, lead.id, 'email')).toMatchObject({ lastError: 'timeout' });
    await smtp.whenIdle();
    expect(smtp.messages).toHaveLength(0);
    expect(ms).toBeLessThan(DEADLINE_MS + 1_500);
  });

  it('slow only in answering the final dot: the server has the mail, so the retry is a second copy with the same Message-ID (inherent to SMTP)', async () => {
    const deps = await scaledDeps();
    const lead = await emailDueLead(deps);
    smtp.setDelays({ dataReply: 5_000 });
    const { outcome } = await timed(deps, lead.id);
    expect(outcome).toMatchObject({ retried: ['email'] });
    expect(await stateOf(deps.leads, lead.id, 'email')).toMatchObject({ lastError: 'timeout' });
    expect(leadMails(lead.id)).toHaveLength(1);

    smtp.setDelays({});
    clock.advance(MINUTE);
    await sweep(deps, { retentionDays: 14 });
    const copies = leadMails(lead.id);
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((mail) => mail.headers.get('message-id'))).size).toBe(1);
  });
});

describe('an alert by email about a dead webhook, to a slow SMTP server', () => {
  it('slow but inside the limit: sent once, recorded, the next sweep sends no second alert', async () => {
    const deps = await scaledDeps({ withWebhook: true });
    const lead = await deadWebhookLead(deps);
    smtp.setDelays(SLOW);
    const { outcome } = await timed(deps, lead.id);
    expect(outcome).toMatchObject({ status: 'done', alerts: 1, recorded: true });
    expect((await deps.leads.getMeta(lead.id))!.meta!.flags).toContain('alerted:webhook:email');

    clock.advance(HOUR);
    expect(await sweep(deps, { retentionDays: 14 })).toMatchObject({ due: 0, alerts: 0 });
    expect(alertMails(lead.id)).toHaveLength(1);
  });

  it('slower than the limit: not recorded as sent, the server stored nothing; once it recovers, one alert', async () => {
    const deps = await scaledDeps({ withWebhook: true });
    const lead = await deadWebhookLead(deps);
    smtp.setDelays(TOO_SLOW);
    const { outcome, ms } = await timed(deps, lead.id);
    expect(outcome).toMatchObject({ status: 'done', alerts: 0 });
    expect(log.events()).toContainEqual(
      expect.objectContaining({
        event: 'delivery.alert',
        leadId: lead.id,
        outcome: 'retry',
        code: 'timeout',
      }),
    );
    expect((await deps.leads.getMeta(lead.id))!.meta!.flags).not.toContain('alerted:webhook:email');
    await smtp.whenIdle();
    expect(smtp.messages).toHaveLength(0);
    expect(ms).toBeLessThan(DEADLINE_MS);

    smtp.setDelays({});
    clock.advance(5 * MINUTE);
    expect(await sweep(deps, { retentionDays: 14 })).toMatchObject({ due: 1, alerts: 1 });
    expect(alertMails(lead.id)).toHaveLength(1);
  });
});

describe('the production numbers', () => {
  it('a server taking about 13 s for a whole message gets it exactly once, recorded delivered', async () => {
    // Defaults everywhere: CHANNEL_LIMIT_MS, SMTP_STEP_TIMEOUT_MS, CHANNEL_DEADLINE_MS.
    const deps = await deliveryDeps([emailChannel()], { clock, log: log.logger });
    const lead = await emailDueLead(deps);
    smtp.setDelays({ connect: 3_000, mailFrom: 3_000, rcptTo: 3_000, dataReply: 4_000 });
    const { outcome, ms } = await timed(deps, lead.id);
    expect(outcome).toMatchObject({ status: 'done', delivered: ['email'], retried: [] });
    expect(ms).toBeGreaterThan(13_000);
    expect(await stateOf(deps.leads, lead.id, 'email')).toMatchObject({ status: 'delivered', attempts: 1 });

    smtp.setDelays({});
    clock.advance(HOUR);
    expect(await sweep(deps, { retentionDays: 14 })).toMatchObject({ due: 0, delivered: 0 });
    expect(leadMails(lead.id)).toHaveLength(1);
  }, 30_000);
});
