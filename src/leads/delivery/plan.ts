/**
 * What a lead needs from a sweep, read from its metadata alone (nothing is decrypted to
 * decide). Pure.
 */
import type { ChannelName } from '../channels/names.ts';
import { channelState, isDue, type LeadMeta } from '../storage/metadata.ts';

export function leaseActive(meta: LeadMeta, now: Date): boolean {
  return meta.lease != null && Date.parse(meta.lease.until) > now.getTime();
}

/** Configured channels whose next try is due. */
export function dueChannels(meta: LeadMeta, channels: readonly ChannelName[], now: Date): ChannelName[] {
  return channels.filter((channel) => isDue(meta, channel, now));
}

/** The flag that records "`failing`'s failure on this lead was told through `via`". */
export const alertFlag = (failing: string, via: string): string => `alerted:${failing}:${via}`;

export interface OwedAlert {
  failing: ChannelName;
  via: ChannelName;
}

/**
 * Alerts still to send: for each configured channel that is dead for this lead, one
 * through every other configured channel that is not dead for it too ("still working").
 */
export function owedAlerts(meta: LeadMeta, channels: readonly ChannelName[]): OwedAlert[] {
  const dead = channels.filter((channel) => channelState(meta, channel).status === 'dead');
  return dead.flatMap((failing) =>
    channels
      .filter((via) => via !== failing && !dead.includes(via))
      .filter((via) => !meta.flags.includes(alertFlag(failing, via)))
      .map((via) => ({ failing, via })),
  );
}

export function needsWork(meta: LeadMeta, channels: readonly ChannelName[], now: Date): boolean {
  return dueChannels(meta, channels, now).length > 0 || owedAlerts(meta, channels).length > 0;
}

/** Dead on every configured channel: admissions never got it. */
export function undelivered(meta: LeadMeta, channels: readonly ChannelName[]): boolean {
  return channels.length > 0 && channels.every((channel) => channelState(meta, channel).status === 'dead');
}
