/**
 * The signed webhook channel (ADMISSIONS_WEBHOOK_URL, ADMISSIONS_WEBHOOK_SECRET), per the
 * Standard Webhooks spec: `webhook-id`, `webhook-timestamp` (seconds) and
 * `webhook-signature` (`v1,<base64 HMAC-SHA256>`), signed by the spec's own library.
 *
 * Any 2xx is delivered. Anything else, redirects included (we never follow a lead to
 * another address), a refused connection or no answer within the timeout is retried.
 * The timeout covers the whole request, and it or the caller's signal aborts the request
 * (the connection closes) rather than leaving it running after we gave up.
 */
import { Webhook } from 'standardwebhooks';
import { DELIVERED, retry, type Channel, type DeliveryResult } from './channel.ts';
import { httpCode } from './codes.ts';
import { networkCode } from './network-error.ts';
import { failureMessage, leadMessage, type WebhookMessage } from './webhook-payload.ts';

/** The whole request, connecting to the answer (inside CHANNEL_LIMIT_MS). */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookOptions {
  url: string;
  /** `whsec_` followed by base64. */
  secret: string;
  /** Default WEBHOOK_TIMEOUT_MS. */
  timeoutMs?: number;
  /**
   * The signing clock. Always the real time in production: receivers reject a
   * `webhook-timestamp` more than 5 minutes off theirs.
   */
  now?: () => Date;
}

export function createWebhookChannel(options: WebhookOptions): Channel {
  const signer = new Webhook(options.secret);
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());

  async function post(message: WebhookMessage, signal?: AbortSignal): Promise<DeliveryResult> {
    const sentAt = now();
    const limit = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        redirect: 'manual',
        signal: signal ? AbortSignal.any([signal, limit]) : limit,
        headers: {
          'content-type': 'application/json',
          'webhook-id': message.id,
          'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
          'webhook-signature': signer.sign(message.id, sentAt, message.body),
        },
        body: message.body,
      });
      // The answer's body is of no use to us; dropping it frees the connection.
      await response.body?.cancel().catch(() => undefined);
      return response.status >= 200 && response.status < 300 ? DELIVERED : retry(httpCode(response.status));
    } catch (error) {
      // An abort rejects with the signal's reason, whatever that is: it is a timeout to us.
      return retry(limit.aborted || signal?.aborted ? 'timeout' : networkCode(error));
    }
  }

  return {
    name: 'webhook',
    deliver: (lead, signal) => post(leadMessage(lead), signal),
    alert: (failure, signal) => post(failureMessage(failure), signal),
  };
}
