/**
 * The JSON bodies the webhook sends, as the interface contract fixes them. Built field by
 * field (no spreads), so nothing new reaches admissions' systems by accident.
 *
 * `timestamp` is when the event happened (the lead's arrival; the moment a channel was
 * declared dead), not when this copy is sent: retries send the same body, and receivers
 * can compare copies byte for byte.
 */
import type { DeliveryFailure } from './channel.ts';
import type { LeadRecord } from '../storage/record.ts';

export const LEAD_EVENT = 'callback.requested';
export const FAILURE_EVENT = 'callback.delivery_failed';

export interface WebhookMessage {
  /** `webhook-id`: the receiver's idempotency key. */
  id: string;
  body: string;
}

export function leadMessage(lead: LeadRecord): WebhookMessage {
  const data = {
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
    consent: { version: lead.consent.version, at: lead.consent.at },
    page: lead.page,
  };
  return { id: lead.id, body: JSON.stringify({ type: LEAD_EVENT, timestamp: lead.receivedAt, data }) };
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
