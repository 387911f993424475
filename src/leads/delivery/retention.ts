/**
 * When a stored lead is deleted (LEAD_RETENTION_DAYS, default 14). Pure.
 *
 * A lead is kept while any configured channel is still trying, and while a sweeper holds
 * it. Once every channel has settled (delivered or dead) it is kept for the retention
 * period after the last of them settled, then deleted:
 * - delivered on at least one channel: admissions has it; the copy here is only a risk.
 * - dead on every channel (admissions never got it): kept for the same period so an
 *   operator, alerted at the time by the error log (and by any channel still working),
 *   can read it and `npm run leads -- retry` it; then deleted like the rest, with an
 *   error line naming its id. Keeping it longer would keep health data no one is acting
 *   on; the retention period is the window to act.
 * With no channel configured at all nothing is deleted: nobody has received anything.
 */
import type { ChannelName } from '../channels/names.ts';
import { channelState, type LeadMeta } from '../storage/metadata.ts';
import { leaseActive } from './plan.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export type PurgeDecision = 'keep' | 'delivered' | 'undelivered';

/**
 * When a lead whose configured channels have all settled is deleted (epoch ms); null while
 * one is still pending, or with no channel configured.
 */
export function purgeAt(
  meta: LeadMeta,
  channels: readonly ChannelName[],
  retentionDays: number,
): number | null {
  if (channels.length === 0) return null;
  const states = channels.map((channel) => channelState(meta, channel));
  if (states.some((state) => state.status === 'pending')) return null;
  const settled = Math.max(
    ...states.map((state) => Date.parse(state.deliveredAt ?? state.lastAttemptAt ?? meta.receivedAt)),
  );
  return settled + retentionDays * DAY_MS;
}

export function purgeDecision(
  meta: LeadMeta,
  channels: readonly ChannelName[],
  now: Date,
  retentionDays: number,
): PurgeDecision {
  if (leaseActive(meta, now)) return 'keep';
  const at = purgeAt(meta, channels, retentionDays);
  if (at === null || now.getTime() < at) return 'keep';
  const states = channels.map((channel) => channelState(meta, channel));
  return states.some((state) => state.status === 'delivered') ? 'delivered' : 'undelivered';
}
