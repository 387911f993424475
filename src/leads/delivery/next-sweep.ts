/**
 * When the sweep next has something to do for a lead, knowing what the store does not:
 * the configured channels and the retention period. Pure. The sweep parks a lead's index
 * entry (../storage/lead-index.ts) at this time; the store's own guess (`indexTime`) is never later.
 */
import type { ChannelName } from '../channels/names.ts';
import { channelState, type LeadMeta } from '../storage/metadata.ts';
import { leaseActive, needsWork, undelivered } from './plan.ts';
import { purgeAt } from './retention.ts';

/** A lead dead everywhere is looked at again this often until it is deleted, so each sweep's report keeps saying so. */
export const UNDELIVERED_REMINDER_MS = 60 * 60_000;

/**
 * Epoch ms: when the lease lapses, for a lead someone holds; now, if it needs work; else
 * its earliest next attempt on a configured channel; else, every channel settled, its
 * purge time, or within the hour for a lead admissions never got. Null with no channel
 * configured: nothing can happen until one is.
 */
export function nextSweepAt(
  meta: LeadMeta,
  channels: readonly ChannelName[],
  now: Date,
  retentionDays: number,
): number | null {
  if (channels.length === 0) return null;
  if (leaseActive(meta, now)) return Date.parse(meta.lease!.until);
  if (needsWork(meta, channels, now)) return now.getTime();
  const pending = channels
    .map((channel) => channelState(meta, channel))
    .filter((state) => state.status === 'pending')
    .map((state) => Date.parse(state.nextAttemptAt ?? meta.receivedAt));
  if (pending.length > 0) return Math.min(...pending);
  const purge = purgeAt(meta, channels, retentionDays)!;
  return undelivered(meta, channels) ? Math.min(purge, now.getTime() + UNDELIVERED_REMINDER_MS) : purge;
}
