/**
 * What the operator command (scripts/leads.ts) shows and changes. Pure, so it is tested
 * without a terminal. Delivery state is metadata, never personal data: `list` and the
 * state part of `show` are safe to paste into a ticket; the decrypted part of `show`
 * (the person, and the page they wrote from) is not.
 */
import { kindOfMeta, type ChannelState, type LeadMeta } from '../storage/metadata.ts';
import type { LeadKeys } from '../storage/lead-key.ts';
import { kindOf } from '../kinds/registry.ts';
import type { StoredRecord } from '../storage/record.ts';
import { leaseActive } from './plan.ts';

const channelLine = (name: string, state: ChannelState): string => {
  const when =
    state.status === 'delivered'
      ? `at ${state.deliveredAt}`
      : state.status === 'pending'
        ? `next ${state.nextAttemptAt}`
        : `gave up ${state.lastAttemptAt}`;
  const error = state.lastError ? `, last error ${state.lastError}` : '';
  return `${name} ${state.status} (${state.attempts} attempts${error}) ${when}`;
};

/** One line a lead for `list`: id, arrival, each channel's state, the request's kind last. */
export function listLine(id: string, meta: LeadMeta | null, now: Date): string {
  if (meta === null) return `${id}  DAMAGED METADATA (not ours, or corrupted)`;
  const channels = Object.entries(meta.channels).map(([name, state]) => channelLine(name, state));
  const lease = leaseActive(meta, now) ? '  [being delivered now]' : '';
  return `${id}  received ${meta.receivedAt}  ${channels.join('; ') || 'no channel yet'}${lease}  ${kindOfMeta(meta)}`;
}

export function stateReport(id: string, meta: LeadMeta | null, now: Date): string {
  if (meta === null) return `${id}\n  metadata damaged or not ours`;
  return [
    `lead ${id}`,
    `  kind      ${kindOfMeta(meta)}`,
    `  received  ${meta.receivedAt}`,
    `  consent   ${meta.consentVersion}`,
    ...Object.entries(meta.channels).map(([name, state]) => `  ${channelLine(name, state)}`),
    ...(meta.flags.length > 0 ? [`  flags     ${meta.flags.join(', ')}`] : []),
    ...(leaseActive(meta, now) ? [`  leased until ${meta.lease!.until} (a sweeper is delivering it)`] : []),
  ].join('\n');
}

/** The decrypted lead, for `show` on a terminal: the fields its kind lists. */
export function recordReport(record: StoredRecord): string {
  return kindOf(record).report(record).join('\n');
}

/** Which key sealed a stored body: the fingerprint written in clear before the ciphertext. */
export const sealedKeyId = (sealed: string): string | null =>
  /^v1\.([0-9a-f]{8})\./.exec(sealed)?.[1] ?? null;

/**
 * For `keys`, during a key rotation: how many stored leads each key sealed, and whether
 * LEAD_ENCRYPTION_KEY still lists it. A key may leave the setting once no lead uses it.
 */
export function keyReport(counts: ReadonlyMap<string | null, number>, keys: LeadKeys | null): string {
  const lines = [...counts]
    .sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))
    .map(([id, count]) => {
      const state =
        id === null
          ? 'not a sealed lead (damaged)'
          : keys === null
            ? 'no key setting present to compare'
            : id === keys.keyId
              ? 'the sealing key (first in LEAD_ENCRYPTION_KEY)'
              : keys.open.has(id)
                ? 'listed: still opens these leads; drop it only once this count is 0'
                : 'NOT LISTED: these leads cannot be opened or delivered';
      return `key ${id ?? '-'}  ${count} lead(s)  ${state}`;
    });
  const unused = keys ? [...keys.open.keys()].filter((id) => id !== keys.keyId && !counts.has(id)) : [];
  for (const id of unused)
    lines.push(`key ${id}  0 lead(s)  listed but unused: it can be dropped from the setting`);
  return lines.length > 0 ? lines.join('\n') : 'no leads stored';
}

/**
 * Metadata for `retry`: every channel not yet delivered (or only `only`) becomes pending,
 * due now, with a new 24-hour window and its attempt count restarted; its alert flags go,
 * so a second failure alerts again. Delivered channels are never touched: they have it.
 */
export function retryMeta(meta: LeadMeta, now: Date, only?: string): { meta: LeadMeta; channels: string[] } {
  const at = now.toISOString();
  const channels = Object.entries(meta.channels)
    .filter(([name, state]) => state.status !== 'delivered' && (only === undefined || name === only))
    .map(([name]) => name);
  const reset = Object.fromEntries(
    channels.map((name) => [
      name,
      {
        ...meta.channels[name]!,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: at,
        since: at,
      } satisfies ChannelState,
    ]),
  );
  const flags = meta.flags.filter((flag) => !channels.some((name) => flag.startsWith(`alerted:${name}:`)));
  return { meta: { ...meta, channels: { ...meta.channels, ...reset }, flags }, channels };
}
