/**
 * The delivery channels by name. A name is what a lead's metadata keys its delivery
 * state by, so renaming one would make every stored lead look new to that channel.
 */
export const CHANNEL_NAMES = ['webhook', 'email', 'inbox'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

export const isChannelName = (value: string): value is ChannelName =>
  (CHANNEL_NAMES as readonly string[]).includes(value);
