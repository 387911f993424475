/**
 * The example receiver the README documents: it accepts what we sign and nothing else.
 */
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { leadMessage } from '../../../src/leads/channels/webhook-payload.ts';
import {
  createWebhookReceiver,
  verifyCallbackWebhook,
} from '../../../src/leads/channels/webhook-receiver.ts';
import { makeLead } from './support/leads.ts';
import { TEST_WEBHOOK_SECRET } from './support/receiver.ts';

const lead = makeLead();
const { id, body } = leadMessage(lead);

function signed(
  options: { at?: Date; body?: string; secret?: string; omit?: string; id?: string } = {},
): Request {
  const at = options.at ?? new Date();
  const msgId = options.id ?? id;
  const headers = new Headers({
    'content-type': 'application/json',
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(options.secret ?? TEST_WEBHOOK_SECRET).sign(msgId, at, body),
  });
  if (options.omit) headers.delete(options.omit);
  return new Request('http://127.0.0.1/hooks', { method: 'POST', headers, body: options.body ?? body });
}

describe('example receiver', () => {
  it('verifies and returns the event', () => {
    const request = signed();
    expect(verifyCallbackWebhook(TEST_WEBHOOK_SECRET, body, request.headers)).toMatchObject({
      type: 'callback.requested',
      data: { id: lead.id, phone: lead.phone },
    });
  });

  it.each<[string, Parameters<typeof signed>[0], number]>([
    ['a valid request', {}, 204],
    ['a body changed in transit', { body: body.replace(lead.phone, '+12025550100') }, 401],
    ['another secret', { secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}` }, 401],
    ['a timestamp 6 minutes old (replay)', { at: new Date(Date.now() - 6 * 60_000) }, 401],
    ['a timestamp 6 minutes ahead', { at: new Date(Date.now() + 6 * 60_000) }, 401],
    ['a timestamp 4 minutes old (within tolerance)', { at: new Date(Date.now() - 4 * 60_000) }, 204],
    ['no webhook-signature header', { omit: 'webhook-signature' }, 401],
    ['no webhook-id header', { omit: 'webhook-id' }, 401],
  ])('%s -> %i', async (_, options, status) => {
    const events: unknown[] = [];
    const receive = createWebhookReceiver({
      secret: TEST_WEBHOOK_SECRET,
      onEvent: (event) => void events.push(event),
    });
    expect((await receive(signed(options))).status).toBe(status);
    expect(events).toHaveLength(status === 204 ? 1 : 0);
  });

  it('takes a repeated webhook-id once and still answers 2xx (we deliver at least once)', async () => {
    const events: unknown[] = [];
    const receive = createWebhookReceiver({
      secret: TEST_WEBHOOK_SECRET,
      onEvent: (event) => void events.push(event),
    });
    expect((await receive(signed())).status).toBe(204);
    expect((await receive(signed())).status).toBe(204);
    expect(events).toHaveLength(1);
  });

  it('answers 500 when its own handling fails, so the sender retries; then takes the retry', async () => {
    let fail = true;
    const receive = createWebhookReceiver({
      secret: TEST_WEBHOOK_SECRET,
      onEvent: () => {
        if (fail) throw new Error('database down');
      },
    });
    expect((await receive(signed())).status).toBe(500);
    fail = false;
    expect((await receive(signed())).status).toBe(204);
  });

  it('only POST', async () => {
    const receive = createWebhookReceiver({ secret: TEST_WEBHOOK_SECRET, onEvent: () => {} });
    expect((await receive(new Request('http://127.0.0.1/hooks'))).status).toBe(405);
  });
});
