/**
 * The one interface every delivery channel implements. Adding a CRM means adding one file
 * that exports a `Channel` and one setting that turns it on (see ../delivery/channels.ts).
 *
 * A channel never throws: whatever goes wrong becomes `retry` (try again later) or `dead`
 * (trying again cannot help) with a short code, so the sweeper's bookkeeping stays simple
 * and no exception text (which may quote an address) travels anywhere.
 *
 * A channel also ends its own attempts: within `CHANNEL_LIMIT_MS`, and at once when the
 * caller's signal aborts. Ending means cancelling (closing the connection), not just no
 * longer waiting: a send that goes on after we recorded a timeout is a duplicate.
 */
import type { StoredRecord } from '../storage/record.ts';
import type { DeliveryCode } from './codes.ts';
import type { ChannelName } from './names.ts';

export type DeliveryResult =
  | { outcome: 'delivered' }
  | { outcome: 'retry'; code: DeliveryCode }
  | { outcome: 'dead'; code: DeliveryCode };

export const DELIVERED: DeliveryResult = { outcome: 'delivered' };
export const retry = (code: DeliveryCode): DeliveryResult => ({ outcome: 'retry', code });

/** What an alert says: which lead, which channel gave up on it. Never anything about the person. */
export interface DeliveryFailure {
  leadId: string;
  channel: ChannelName;
  attempts: number;
  lastError: DeliveryCode | null;
  /** When the channel was declared dead for the lead. */
  failedAt: Date;
}

/**
 * Longest one attempt of any channel may take, first byte to the other side's answer.
 * Room for a slow but working SMTP server (about 13 s for a whole message), well inside
 * a scheduled run's 30 s (see ../delivery/deps.ts for the deadline around it).
 */
export const CHANNEL_LIMIT_MS = 20_000;

export interface Channel {
  readonly name: ChannelName;
  /**
   * Hands the lead to admissions. `delivered` only once the other side has taken it.
   * `signal` aborts the attempt (the caller has given up on it): answer `timeout` then.
   */
  deliver(lead: StoredRecord, signal?: AbortSignal): Promise<DeliveryResult>;
  /** Sends a `callback.delivery_failed` notice about another channel; `signal` as above. */
  alert(failure: DeliveryFailure, signal?: AbortSignal): Promise<DeliveryResult>;
}

/** The short lead id admissions sees in subjects and file names: the first 8 hex digits. */
export const shortId = (leadId: string): string => leadId.slice(0, 8);
