/**
 * Real servers for one delivery test: Blobs, a webhook receiver, an SMTP server, and
 * channels pointing at them with short timeouts.
 */
// Every Blobs server in these tests keeps Netlify's promises (atomic conditional writes,
// no torn reads, a new ETag per write); the lease relies on them.
import '../../../../scripts/consistent-blobs.ts';
import type { Channel } from '../../../../src/leads/channels/channel.ts';
import { createEmailChannel } from '../../../../src/leads/channels/email.ts';
import { createWebhookChannel } from '../../../../src/leads/channels/webhook.ts';
import { startBlobs, type TestBlobs } from '../../callback/support/blobs.ts';
import { startReceiver, TEST_WEBHOOK_SECRET, type TestReceiver } from './receiver.ts';
import { startSmtp, type TestSmtp } from './smtp.ts';

export interface TestServers {
  blobs: TestBlobs;
  receiver: TestReceiver;
  smtp: TestSmtp;
  webhook: Channel;
  email: Channel;
  stop(): Promise<void>;
}

export const ADMISSIONS = ['admissions@center.test'];

export async function startServers(
  options: { webhookTimeoutMs?: number; smtpTimeoutMs?: number } = {},
): Promise<TestServers> {
  const [blobs, receiver, smtp] = await Promise.all([startBlobs(), startReceiver(), startSmtp()]);
  // Short, so "hanging past the timeout" takes a fraction of a second per try.
  const timeoutMs = options.webhookTimeoutMs ?? 1_000;
  return {
    blobs,
    receiver,
    smtp,
    webhook: createWebhookChannel({ url: receiver.url, secret: TEST_WEBHOOK_SECRET, timeoutMs }),
    email: createEmailChannel({
      smtpUrl: smtp.url,
      to: ADMISSIONS,
      from: 'Callback requests <callbacks@center.test>',
      timeoutMs: options.smtpTimeoutMs ?? 2_000,
    }),
    async stop() {
      await Promise.all([blobs.stop(), receiver.stop(), smtp.stop()]);
    },
  };
}

/** Lead ids in the `callback.requested` events the receiver took. */
export const webhookLeadIds = (servers: TestServers): string[] =>
  servers.receiver
    .accepted()
    .filter((event) => event.type === 'callback.requested')
    .map((event) => event.data.id);

/** Lead ids of the lead emails the SMTP server took. */
export const emailLeadIds = (servers: TestServers): string[] =>
  servers.smtp.messages
    .map((mail) => /^<callback-([0-9a-f-]{36})@/.exec(mail.headers.get('message-id') ?? '')?.[1])
    .filter((id): id is string => id !== undefined);
