/**
 * The webhook channel against a real HTTP receiver on 127.0.0.1 that verifies every
 * signature with the same library a CRM would use.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWebhookChannel } from '../../../src/leads/channels/webhook.ts';
import { leadMessage } from '../../../src/leads/channels/webhook-payload.ts';
import { verifyCallbackWebhook } from '../../../src/leads/channels/webhook-receiver.ts';
import { closedPort } from '../callback/support/blobs.ts';
import { makeLead, T0 } from './support/leads.ts';
import { startReceiver, TEST_WEBHOOK_SECRET, type TestReceiver } from './support/receiver.ts';

let receiver: TestReceiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.stop();
});
beforeEach(() => {
  receiver.reset();
});

const channel = (url = receiver.url, timeoutMs = 10_000) =>
  createWebhookChannel({ url, secret: TEST_WEBHOOK_SECRET, timeoutMs });

describe('webhook channel', () => {
  it('posts the contract body, signed per Standard Webhooks, and counts a 2xx as delivered', async () => {
    const lead = makeLead();
    expect(await channel().deliver(lead)).toEqual({ outcome: 'delivered' });
    expect(receiver.calls).toHaveLength(1);
    const [call] = receiver.calls;
    expect(call).toMatchObject({ webhookId: lead.id, verified: true, status: 204 });
    expect(call!.event).toEqual({
      type: 'callback.requested',
      timestamp: lead.receivedAt,
      data: {
        id: lead.id,
        receivedAt: lead.receivedAt,
        name: lead.name,
        phone: lead.phone,
        email: lead.email,
        callTime: lead.callTime,
        forWhom: lead.forWhom,
        program: lead.program,
        voicemail: lead.voicemail,
        texts: lead.texts,
        consent: lead.consent,
        page: lead.page,
      },
    });
  });

  it('sends the same body on every retry (only the signature headers change)', async () => {
    // A receiver of our own that keeps each request as it came: fails twice, then takes it.
    const copies: { body: string; headers: Headers }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers))
          if (typeof value === 'string') headers.set(name, value);
        copies.push({ body: Buffer.concat(chunks).toString('utf8'), headers });
        res.writeHead(copies.length < 3 ? 503 : 204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      // The signing clock moves on a second per try, as real retries do (minutes apart).
      let signedAt = Date.now();
      const retrying = createWebhookChannel({
        url: `http://127.0.0.1:${port}/hooks`,
        secret: TEST_WEBHOOK_SECRET,
        now: () => new Date((signedAt += 1_000)),
      });
      const lead = makeLead();
      const outcomes = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        outcomes.push(await retrying.deliver(lead));
        // Real time passes between tries too, so a body that quoted "now" would differ.
        await sleep(20);
      }
      expect(outcomes).toEqual([
        { outcome: 'retry', code: 'http_503' },
        { outcome: 'retry', code: 'http_503' },
        { outcome: 'delivered' },
      ]);
      expect(copies).toHaveLength(3);
      expect(new Set(copies.map((copy) => copy.body)).size).toBe(1);
      expect(copies[0]!.body).toBe(leadMessage(lead).body);
      expect(new Set(copies.map((copy) => copy.headers.get('webhook-id')))).toEqual(new Set([lead.id]));
      expect(new Set(copies.map((copy) => copy.headers.get('webhook-timestamp'))).size).toBe(3);
      expect(new Set(copies.map((copy) => copy.headers.get('webhook-signature'))).size).toBe(3);
      for (const copy of copies)
        expect(() => verifyCallbackWebhook(TEST_WEBHOOK_SECRET, copy.body, copy.headers)).not.toThrow();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('an alert names the lead id and the failing channel, nothing about the person', async () => {
    const lead = makeLead();
    const result = await channel().alert({
      leadId: lead.id,
      channel: 'email',
      attempts: 27,
      lastError: 'smtp_550',
      failedAt: T0,
    });
    expect(result).toEqual({ outcome: 'delivered' });
    const [call] = receiver.calls;
    expect(call).toMatchObject({ verified: true, webhookId: `failed_email_${lead.id}` });
    expect(call!.event).toEqual({
      type: 'callback.delivery_failed',
      timestamp: T0.toISOString(),
      data: { id: lead.id, channel: 'email', attempts: 27, lastError: 'smtp_550' },
    });
  });

  it.each([
    ['answers 500', 'http_500', 'http_500'],
    ['never answers within the timeout', 'hang', 'timeout'],
  ] as const)('retries when the receiver %s', async (_, fault, code) => {
    receiver.setFault(fault);
    const started = performance.now();
    expect(await channel(receiver.url, 300).deliver(makeLead())).toEqual({ outcome: 'retry', code });
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('retries when nothing listens (receiver down)', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/hooks`;
    expect(await channel(url).deliver(makeLead())).toEqual({ outcome: 'retry', code: 'connection' });
  });

  it('a receiver with another secret refuses the signature: 401 is retried, not delivered', async () => {
    const other = createWebhookChannel({
      url: receiver.url,
      secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`,
    });
    expect(await other.deliver(makeLead())).toEqual({ outcome: 'retry', code: 'http_401' });
    expect(receiver.calls[0]).toMatchObject({ verified: false, status: 401 });
  });

  it('signs with the real time even when scheduling runs on another clock', async () => {
    // A receiver rejects timestamps more than 5 minutes off; the channel's own clock is real time.
    const skewed = createWebhookChannel({
      url: receiver.url,
      secret: TEST_WEBHOOK_SECRET,
      now: () => new Date(Date.now() - 10 * 60_000),
    });
    expect(await skewed.deliver(makeLead())).toEqual({ outcome: 'retry', code: 'http_401' });
    expect(await channel().deliver(makeLead())).toEqual({ outcome: 'delivered' });
  });
});
