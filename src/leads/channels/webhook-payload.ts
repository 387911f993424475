/**
 * The JSON bodies the webhook sends, as the interface contract fixes them. Built field by
 * field (no spreads), so nothing new reaches admissions' systems by accident.
 *
 * `timestamp` is when the event happened (the lead's arrival; the moment a channel was
 * declared dead), not when this copy is sent: retries send the same body, and receivers
 * can compare copies byte for byte.
 */
import type { DeliveryFailure } from './channel.ts';
import { kindOf } from '../kinds/registry.ts';
import type { StoredRecord } from '../storage/record.ts';

/** The callback's event; each kind names its own (`webhookEvent`). */
export const LEAD_EVENT = 'callback.requested';
export const FAILURE_EVENT = 'callback.delivery_failed';

export interface WebhookMessage {
  /** `webhook-id`: the receiver's idempotency key. */
  id: string;
  body: string;
}

/** The kind's event and data (src/leads/kinds/<kind>/), in the contract's envelope. */
export function leadMessage(lead: StoredRecord): WebhookMessage {
  const kind = kindOf(lead);
  const body = { type: kind.webhookEvent, timestamp: lead.receivedAt, data: kind.webhookData(lead) };
  return { id: lead.id, body: JSON.stringify(body) };
}

/** An alert has its own id, so a receiver that deduplicates on `webhook-id` never drops it as the lead. */
export function failureMessage(failure: DeliveryFailure): WebhookMessage {
  const data = {
    id: failure.leadId,
    channel: failure.channel,
    attempts: failure.attempts,
    lastError: failure.lastError,
  };
  return {
    id: `failed_${failure.channel}_${failure.leadId}`,
    body: JSON.stringify({ type: FAILURE_EVENT, timestamp: failure.failedAt.toISOString(), data }),
  };
}
