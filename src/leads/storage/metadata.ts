/**
 * The readable part of a stored lead: delivery state and facts that say nothing about the
 * person. It travels as Netlify Blobs metadata (JSON, at most 2 KB), so the delivery
 * sweeper can find due leads without decrypting anything.
 *
 * The page the request came from is NOT here: a path such as an article about one
 * substance says something about the person, so it lives only in the sealed record.
 * Metadata written by older code may still carry `page`; parsing drops it, and the next
 * write leaves it out.
 *
 * Channels are keyed by name ("webhook", "email", "inbox", ...). A channel configured
 * after a lead arrived has no entry yet: read it through `channelState`, which treats it
 * as pending since the lead arrived.
 */
import * as v from 'valibot';
import { DEFAULT_KIND, KIND_NAMES, type KindName } from '../kinds/kind.ts';

export const CHANNEL_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

export interface ChannelState {
  status: ChannelStatus;
  attempts: number;
  /** ISO time of the next try while pending; null once delivered or dead. */
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  /** A short code such as "http_502" or "timeout": never a response body or error text. */
  lastError: string | null;
  /**
   * Start of this channel's 24-hour delivery window: the lead's arrival, the first try of
   * a channel added later, or an operator's retry. Absent on older leads: arrival.
   */
  since?: string;
}

/**
 * A sweeper's claim on the lead while it sends (see ../delivery/lease.ts). Written before
 * anything is sent, cleared when the outcome is recorded; it lapses at `until` if its
 * holder dies, so the lead is never stuck.
 */
export interface Lease {
  token: string;
  until: string;
}

export interface LeadMeta {
  schema: 1;
  /** The request's kind; absent on callbacks (and on every lead stored before kinds). */
  kind?: KindName;
  receivedAt: string;
  consentVersion: string;
  /** Hash naming the `submission/<hash>` entry that points at this lead, to delete with it. */
  submission: string | null;
  channels: Record<string, ChannelState>;
  /** Markers the sweeper may set, e.g. "alerted:email:webhook" (email's failure told via webhook). */
  flags: string[];
  lease?: Lease | null;
}

const Iso = v.pipe(v.string(), v.isoTimestamp());

const ChannelStateSchema = v.object({
  status: v.picklist(CHANNEL_STATUSES),
  attempts: v.pipe(v.number(), v.integer(), v.minValue(0)),
  nextAttemptAt: v.nullable(Iso),
  lastAttemptAt: v.nullable(Iso),
  deliveredAt: v.nullable(Iso),
  lastError: v.nullable(v.string()),
  since: v.optional(Iso),
});

const LeaseSchema = v.object({ token: v.pipe(v.string(), v.uuid()), until: Iso });

const LeadMetaSchema = v.object({
  schema: v.literal(1),
  kind: v.optional(v.picklist(KIND_NAMES)),
  receivedAt: Iso,
  consentVersion: v.string(),
  submission: v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
  channels: v.record(v.string(), ChannelStateSchema),
  flags: v.array(v.string()),
  lease: v.optional(v.nullable(LeaseSchema)),
});

export function pendingChannel(since: string): ChannelState {
  return {
    status: 'pending',
    attempts: 0,
    nextAttemptAt: since,
    lastAttemptAt: null,
    deliveredAt: null,
    lastError: null,
  };
}

export function initialMeta(input: {
  kind?: KindName;
  receivedAt: Date;
  consentVersion: string;
  submission: string | null;
  channels: readonly string[];
}): LeadMeta {
  const receivedAt = input.receivedAt.toISOString();
  return {
    schema: 1,
    ...(input.kind !== undefined && input.kind !== DEFAULT_KIND && { kind: input.kind }),
    receivedAt,
    consentVersion: input.consentVersion,
    submission: input.submission,
    channels: Object.fromEntries(input.channels.map((channel) => [channel, pendingChannel(receivedAt)])),
    flags: [],
  };
}

/** Metadata read back from the store, or null when it is not ours or is damaged. */
export function parseMeta(raw: unknown): LeadMeta | null {
  const result = v.safeParse(LeadMetaSchema, raw);
  return result.success ? result.output : null;
}

export const kindOfMeta = (meta: LeadMeta): KindName => meta.kind ?? DEFAULT_KIND;

export function channelState(meta: LeadMeta, channel: string): ChannelState {
  return Object.hasOwn(meta.channels, channel) ? meta.channels[channel]! : pendingChannel(meta.receivedAt);
}

export function isDue(meta: LeadMeta, channel: string, now: Date): boolean {
  const state = channelState(meta, channel);
  return state.status === 'pending' && Date.parse(state.nextAttemptAt ?? meta.receivedAt) <= now.getTime();
}
