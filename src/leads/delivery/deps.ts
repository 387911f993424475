/**
 * What delivery needs from the world. Tests hand in their own clock, random source,
 * channels with short timeouts and a store on a local Blobs server.
 */
import type { Channel } from '../channels/channel.ts';
import type { LeadKeys } from '../lead-key.ts';
import type { Logger } from '../log.ts';
import type { LeadStore } from '../store.ts';

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
  /** Longest one channel may take over one lead before it counts as a timeout. */
  channelDeadlineMs?: number;
}

/** Past the webhook's 10 s and a slow SMTP exchange, well inside a scheduled run's 30 s. */
export const CHANNEL_DEADLINE_MS = 12_000;
