/**
 * What a deadline gives up on is cancelled, not left running: the webhook's request and
 * the inbox's file, against a real node:http server and a real folder.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_LIMIT_MS } from '../../../src/leads/channels/channel.ts';
import { HOUSEKEEPING_MS, SWEEP_BUDGET_MS, SWEEP_LIMIT_MS } from '../../../src/leads/delivery/sweep.ts';
import { createInboxChannel } from '../../../src/leads/channels/inbox.ts';
import { createWebhookChannel } from '../../../src/leads/channels/webhook.ts';
import { deliverLead } from '../../../src/leads/delivery/deliver-lead.ts';
import {
  CHANNEL_DEADLINE_MS,
  SMTP_STEP_TIMEOUT_MS,
  WEBHOOK_TIMEOUT_MS,
} from '../../../src/leads/delivery/deps.ts';
import { channelState } from '../../../src/leads/storage/metadata.ts';
import '../../../scripts/consistent-blobs.ts';
import { startBlobs, type TestBlobs } from '../callback/support/blobs.ts';
import { deliveryDeps, makeLead, storeLead } from './support/leads.ts';
import { TEST_WEBHOOK_SECRET } from './support/receiver.ts';

/** A receiver that reads the request and never answers; it notes when the client hangs up. */
interface SilentReceiver {
  url: string;
  requests: number;
  /** Resolves with ms from the request's arrival to the client closing it. */
  hungUp: Promise<number>;
  stop(): Promise<void>;
}

async function startSilentReceiver(): Promise<SilentReceiver> {
  let resolveHungUp!: (ms: number) => void;
  const hungUp = new Promise<number>((resolve) => (resolveHungUp = resolve));
  const receiver = { requests: 0 } as SilentReceiver;
  const server: Server = createServer((req) => {
    receiver.requests++;
    const arrived = performance.now();
    req.socket.once('close', () => resolveHungUp(performance.now() - arrived));
    req.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hook`,
    hungUp,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** Fails with `message` unless `work` settles within `ms`. */
const within = <T>(work: Promise<T>, ms: number, message: string) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(message)), ms))]);

let blobs: TestBlobs;
beforeEach(async () => {
  blobs = await startBlobs();
});
afterEach(async () => {
  await blobs.stop();
});

describe('the timing constants', () => {
  it('every channel limit fits inside the channel limit, and the backstop is strictly past it', () => {
    expect(WEBHOOK_TIMEOUT_MS).toBeLessThanOrEqual(CHANNEL_LIMIT_MS);
    expect(SMTP_STEP_TIMEOUT_MS).toBeLessThan(CHANNEL_LIMIT_MS);
    expect(CHANNEL_DEADLINE_MS).toBeGreaterThan(CHANNEL_LIMIT_MS);
    // A slow but working SMTP server (about 13 s a message) must fit.
    expect(CHANNEL_LIMIT_MS).toBeGreaterThan(13_000);
  });

  it('a lead the sweep starts at its last moment still ends inside a scheduled run', () => {
    // Netlify stops a scheduled function at 30 s.
    expect(SWEEP_BUDGET_MS + CHANNEL_DEADLINE_MS).toBeLessThanOrEqual(SWEEP_LIMIT_MS);
    expect(SWEEP_LIMIT_MS).toBeLessThan(30_000);
    expect(SWEEP_BUDGET_MS + HOUSEKEEPING_MS).toBeLessThan(SWEEP_LIMIT_MS);
  });
});

describe('webhook', () => {
  let receiver: SilentReceiver;
  beforeEach(async () => {
    receiver = await startSilentReceiver();
  });
  afterEach(async () => {
    await receiver.stop();
  });

  it("deliver-lead's deadline aborts the request: the connection closes then, not at the webhook's own 10 s", async () => {
    const webhook = createWebhookChannel({ url: receiver.url, secret: TEST_WEBHOOK_SECRET });
    const deps = { ...(await deliveryDeps([webhook])), channelDeadlineMs: 300 };
    const lead = makeLead();
    await storeLead(deps.leads, lead, ['webhook']);
    const outcome = await deliverLead(deps, lead.id);
    expect(outcome).toMatchObject({ status: 'done', retried: ['webhook'] });
    const meta = (await deps.leads.getMeta(lead.id))!.meta!;
    expect(channelState(meta, 'webhook')).toMatchObject({ lastError: 'timeout' });
    const hungUpAfter = await within(receiver.hungUp, 2_000, 'the request was left running');
    expect(hungUpAfter).toBeLessThan(1_000);
    expect(receiver.requests).toBe(1);
  });

  it("the caller's signal ends the attempt at once, as a timeout", async () => {
    const webhook = createWebhookChannel({ url: receiver.url, secret: TEST_WEBHOOK_SECRET });
    const caller = new AbortController();
    const result = webhook.deliver(makeLead(), caller.signal);
    setTimeout(() => caller.abort(new Error('given up')), 200);
    expect(await within(result, 2_000, 'the signal was ignored')).toEqual({
      outcome: 'retry',
      code: 'timeout',
    });
    await within(receiver.hungUp, 2_000, 'the request was left running');
  });
});

describe('inbox', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inbox-abort-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('given up on before the file is in place: no file appears, a timeout is answered', async () => {
    const aborted = AbortSignal.abort(new Error('given up'));
    const lead = makeLead();
    expect(await createInboxChannel({ dir }).deliver(lead, aborted)).toEqual({
      outcome: 'retry',
      code: 'timeout',
    });
    expect(await readdir(dir)).toEqual([]);
  });
});
