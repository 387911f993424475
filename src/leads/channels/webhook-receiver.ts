/**
 * An example receiver for our webhook: what a CRM or intake tool runs to accept leads.
 * It is the README's example and the tests' receiver, so the documented way to verify a
 * signature is the way that is tested. Fetch API only: it fits any modern runtime.
 *
 * Verification uses `standardwebhooks`, the Standard Webhooks spec's own library, the
 * same one that signs. Its `verify`:
 * - recomputes the HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<raw body>" and
 *   compares it with each `v1,` signature in constant time;
 * - rejects a `webhook-timestamp` more than 5 minutes from the receiver's clock, either
 *   way, so a captured request cannot be replayed later.
 * It must get the body exactly as received: parsing the JSON and serialising it again
 * changes the bytes, and the signature no longer matches.
 *
 * Each lead may arrive more than once (we deliver at least once). `webhook-id` is the
 * lead id for `callback.requested`: answer 2xx again for an id already handled, and do
 * not create a second record.
 */
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { InsuranceRecord } from '../kinds/insurance/record.ts';
import type { LeadRecord } from '../storage/record.ts';

export interface CallbackRequestedEvent {
  type: 'callback.requested';
  timestamp: string;
  data: LeadRecord;
}

export interface DeliveryFailedEvent {
  type: 'callback.delivery_failed';
  timestamp: string;
  data: { id: string; channel: string; attempts: number; lastError: string | null };
}

/** A coverage check: `data` is the record without its `kind` (the `type` says it). */
export interface InsuranceRequestedEvent {
  type: 'insurance.verification_requested';
  timestamp: string;
  data: Omit<InsuranceRecord, 'kind'>;
}

export type CallbackWebhookEvent = CallbackRequestedEvent | InsuranceRequestedEvent | DeliveryFailedEvent;

const HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

/** The event, or a `WebhookVerificationError` for a missing, stale or wrong signature. */
export function verifyCallbackWebhook(
  secret: string,
  rawBody: string,
  headers: Headers,
): CallbackWebhookEvent {
  const signed = Object.fromEntries(HEADERS.map((name) => [name, headers.get(name) ?? '']));
  return new Webhook(secret).verify(rawBody, signed) as CallbackWebhookEvent;
}

export interface ReceiverOptions {
  /** ADMISSIONS_WEBHOOK_SECRET, shared with the receiver. */
  secret: string;
  /** Handles a verified event; throwing makes us answer 500, so the sender retries. */
  onEvent: (event: CallbackWebhookEvent, webhookId: string) => void | Promise<void>;
  /** Ids already handled. A real receiver keeps these in its database, not in memory. */
  seen?: Set<string>;
}

/** A request handler: 204 when handled (or handled before), 401 when the signature fails. */
export function createWebhookReceiver(options: ReceiverOptions): (request: Request) => Promise<Response> {
  const seen = options.seen ?? new Set<string>();
  return async (request) => {
    if (request.method !== 'POST') return new Response(null, { status: 405, headers: { allow: 'POST' } });
    const rawBody = await request.text();
    let event: CallbackWebhookEvent;
    try {
      event = verifyCallbackWebhook(options.secret, rawBody, request.headers);
    } catch (error) {
      if (error instanceof WebhookVerificationError) return new Response(null, { status: 401 });
      return new Response(null, { status: 400 });
    }
    const id = request.headers.get('webhook-id')!;
    if (seen.has(id)) return new Response(null, { status: 204 });
    try {
      await options.onEvent(event, id);
    } catch {
      return new Response(null, { status: 500 });
    }
    seen.add(id);
    return new Response(null, { status: 204 });
  };
}
