/**
 * When a channel tries a lead again, and when it gives up. Pure.
 *
 * After the first failed try the next comes about 1 minute later, then 5, 15, 60 minutes,
 * then hourly. Each wait is stretched or shrunk by up to 10% at random, so leads that
 * failed together (an outage) do not all come back in the same second. The deliveries
 * of one channel stop 24 hours after its window opened (`since`): the last try is made at
 * that mark, and if it fails too the lead is dead for that channel.
 */
import type { DeliveryResult } from '../channels/channel.ts';
import { channelState, type ChannelState, type LeadMeta } from '../storage/metadata.ts';

const MINUTE = 60_000;
export const BACKOFF_MS: readonly number[] = [1 * MINUTE, 5 * MINUTE, 15 * MINUTE, 60 * MINUTE];
export const THEN_EVERY_MS = 60 * MINUTE;
export const DEAD_AFTER_MS = 24 * 60 * MINUTE;
export const JITTER = 0.1;

/** The wait after the `failures`-th failed try in a row (1 = the first failure). */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const base = BACKOFF_MS[Math.max(1, failures) - 1] ?? THEN_EVERY_MS;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

/** Start of the channel's delivery window: set on the state, else the lead's arrival. */
export function windowStart(meta: LeadMeta, channel: string): string {
  return channelState(meta, channel).since ?? meta.receivedAt;
}

/** The channel's state after one try that ended with `result` at `at`. */
export function afterAttempt(
  meta: LeadMeta,
  channel: string,
  result: DeliveryResult,
  at: Date,
  random: () => number = Math.random,
): ChannelState {
  const known = Object.hasOwn(meta.channels, channel);
  const before = channelState(meta, channel);
  // A channel configured after the lead arrived gets its own full window from now.
  const since = known ? windowStart(meta, channel) : at.toISOString();
  const attempts = before.attempts + 1;
  const common = { attempts, lastAttemptAt: at.toISOString(), since };
  if (result.outcome === 'delivered') {
    return {
      ...common,
      status: 'delivered',
      nextAttemptAt: null,
      deliveredAt: at.toISOString(),
      lastError: null,
    };
  }
  const deadline = Date.parse(since) + DEAD_AFTER_MS;
  if (result.outcome === 'dead' || at.getTime() >= deadline) {
    return { ...common, status: 'dead', nextAttemptAt: null, deliveredAt: null, lastError: result.code };
  }
  const next = Math.min(at.getTime() + retryDelayMs(attempts, random), deadline);
  return {
    ...common,
    status: 'pending',
    nextAttemptAt: new Date(next).toISOString(),
    deliveredAt: null,
    lastError: result.code,
  };
}
