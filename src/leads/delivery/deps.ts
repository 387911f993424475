/**
 * What delivery needs from the world. Tests hand in their own clock, random source,
 * channels with short timeouts and a store on a local Blobs server.
 */
import { CHANNEL_LIMIT_MS, type Channel } from '../channels/channel.ts';
import type { LeadKeys } from '../storage/lead-key.ts';
import type { Logger } from '../runtime/log.ts';
import type { LeadStore } from '../storage/store.ts';

export interface DeliveryDeps {
  leads: LeadStore;
  keys: LeadKeys;
  /** The configured channels, in a fixed order. */
  channels: readonly Channel[];
  log: Logger;
  /** The scheduling clock (due times, leases, the 24-hour window). */
  now?: () => Date;
  /** For backoff jitter. */
  random?: () => number;
  leaseMs?: number;
  /** deliver-lead's backstop around one channel attempt (default CHANNEL_DEADLINE_MS). */
  channelDeadlineMs?: number;
}

/*
 * Delivery timing, one place. Every channel ends its own attempt within CHANNEL_LIMIT_MS
 * (20 s): the webhook's whole request within WEBHOOK_TIMEOUT_MS (10 s), the email's whole
 * message within the limit, each SMTP step within SMTP_STEP_TIMEOUT_MS (10 s) or what is
 * left of the limit. CHANNEL_DEADLINE_MS is deliver-lead's backstop for a channel that
 * overran its own limit anyway: it counts the attempt as a timeout and aborts it. It is
 * past the limit by CHANNEL_GRACE_MS so that it never races a working send.
 *
 * The channels of one lead run side by side, and its alerts after them, each within
 * CHANNEL_DEADLINE_MS: a sweep (30 s per scheduled run) must start a lead early enough
 * for that plus its storage round trips.
 */
export { CHANNEL_LIMIT_MS } from '../channels/channel.ts';
export { SMTP_STEP_TIMEOUT_MS } from '../channels/email.ts';
export { WEBHOOK_TIMEOUT_MS } from '../channels/webhook.ts';
/** What a channel may take past its limit to notice it and close its connection. */
export const CHANNEL_GRACE_MS = 2_000;
/** 22 s. */
export const CHANNEL_DEADLINE_MS = CHANNEL_LIMIT_MS + CHANNEL_GRACE_MS;
