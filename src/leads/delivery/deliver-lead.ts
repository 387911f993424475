/**
 * One lead, once: claim it, send it on every channel that is due, record each outcome,
 * send the alerts owed for channels that gave up, and let go. The first attempt after a
 * lead is stored and every retry of the sweeper go through here, so the lease rule holds
 * between them too.
 */
import { retry, type Channel, type DeliveryResult } from '../channels/channel.ts';
import { isDeliveryCode, type DeliveryCode } from '../channels/codes.ts';
import type { ChannelName } from '../channels/names.ts';
import { DeadlineError, withCancellingDeadline } from '../runtime/deadline.ts';
import { errorName } from '../runtime/log.ts';
import { channelState, type ChannelState, type LeadMeta } from '../storage/metadata.ts';
import type { StoredRecord } from '../storage/record.ts';
import { openRecord } from '../storage/sealed-lead.ts';
import { CHANNEL_DEADLINE_MS, type DeliveryDeps } from './deps.ts';
import { claimLead, finishLead, withoutLease, type ClaimedLead } from './lease.ts';
import { alertFlag, dueChannels, needsWork, owedAlerts, type OwedAlert } from './plan.ts';
import { afterAttempt } from './schedule.ts';

export type LeadOutcome =
  | { status: 'gone' | 'damaged' | 'busy' | 'idle' }
  | {
      status: 'done';
      delivered: ChannelName[];
      retried: ChannelName[];
      dead: ChannelName[];
      alerts: number;
      /** False when the outcome could not be written; the lease lapses and the lead is tried again. */
      recorded: boolean;
    };

const clock = (deps: DeliveryDeps) => deps.now?.() ?? new Date();

/** Metadata is read back from storage: only a code we could have written passes. */
const asCode = (value: string | null): DeliveryCode | null =>
  value !== null && isDeliveryCode(value) ? value : null;

/**
 * A channel call that never throws and never outlasts the deadline. The channel ends its
 * own attempt well before (CHANNEL_LIMIT_MS); should it not, the deadline counts it as a
 * timeout and aborts it, so it cannot deliver after all and be sent again next sweep.
 */
async function attempt(
  deps: DeliveryDeps,
  send: (signal: AbortSignal) => Promise<DeliveryResult>,
): Promise<DeliveryResult> {
  try {
    return await withCancellingDeadline(send, deps.channelDeadlineMs ?? CHANNEL_DEADLINE_MS);
  } catch (error) {
    return retry(error instanceof DeadlineError ? 'timeout' : 'unexpected');
  }
}

async function openOrNull(deps: DeliveryDeps, lead: ClaimedLead): Promise<StoredRecord | null> {
  try {
    return await openRecord(deps.keys, lead.id, lead.sealed);
  } catch (error) {
    // Another key (a rotation) or damage: retried like any failure, and dead after 24 h.
    deps.log.error({
      event: 'lead.unreadable',
      outcome: 'failed',
      leadId: lead.id,
      errorName: errorName(error),
    });
    return null;
  }
}

export interface DeliverOptions {
  /** From a listing or the write that stored the lead: saves a read (see LeadStore.get). */
  listedEtag?: string;
  /**
   * `performance.now()` by which this run must be done (a scheduled run has 30 seconds).
   * Alerts that might not fit are left owed for the next run rather than cut off midway.
   */
  finishBy?: number;
}

export async function deliverLead(
  deps: DeliveryDeps,
  leadId: string,
  options: DeliverOptions = {},
): Promise<LeadOutcome> {
  const { listedEtag, finishBy } = options;
  const names = deps.channels.map((channel) => channel.name);
  const byName = new Map(deps.channels.map((channel) => [channel.name, channel] as const));
  const now = clock(deps);
  const claim = await claimLead(deps.leads, leadId, {
    now,
    ...(deps.leaseMs !== undefined && { leaseMs: deps.leaseMs }),
    ...(listedEtag !== undefined && { listedEtag }),
    wantsWork: (meta) => needsWork(meta, names, now),
  });
  if (claim.kind !== 'claimed') {
    if (claim.kind === 'busy')
      deps.log.info({ event: 'delivery.busy', outcome: 'ok', leadId, reason: 'leased' });
    return { status: claim.kind };
  }
  const lead = claim.lead;

  const due = dueChannels(lead.meta, names, now);
  const record = due.length > 0 ? await openOrNull(deps, lead) : null;
  const results = await Promise.all(
    due.map(async (name) => {
      const channel = byName.get(name)!;
      const result = record
        ? await attempt(deps, (signal) => channel.deliver(record, signal))
        : retry('unreadable');
      return [name, result] as const;
    }),
  );

  const attemptedAt = clock(deps);
  const states = new Map<ChannelName, ChannelState>();
  for (const [name, result] of results) {
    const state = afterAttempt(lead.meta, name, result, attemptedAt, deps.random);
    states.set(name, state);
    logAttempt(deps, leadId, name, state);
  }
  const updated = applyStates(lead.meta, states);

  const deadline = deps.channelDeadlineMs ?? CHANNEL_DEADLINE_MS;
  const timeLeft = finishBy === undefined || performance.now() + deadline <= finishBy;
  const owed = timeLeft ? owedAlerts(updated, names) : [];
  const sent = await sendAlerts(deps, leadId, updated, owed, byName);
  const flags = sent.map(({ failing, via }) => alertFlag(failing, via));

  let recorded = false;
  try {
    recorded = await finishLead(deps.leads, lead, (current) =>
      withoutLease(mergeOutcome(current, states, flags), lead.token),
    );
  } catch (error) {
    deps.log.error({ event: 'sweep.error', outcome: 'failed', leadId, errorName: errorName(error) });
  }
  if (!recorded)
    deps.log.error({ event: 'sweep.error', outcome: 'failed', leadId, reason: 'store_unavailable' });

  const outcome = (status: ChannelState['status']) =>
    [...states].filter(([, state]) => state.status === status).map(([name]) => name);
  return {
    status: 'done',
    delivered: outcome('delivered'),
    retried: outcome('pending'),
    dead: outcome('dead'),
    alerts: sent.length,
    recorded,
  };
}

function logAttempt(deps: DeliveryDeps, leadId: string, channel: ChannelName, state: ChannelState): void {
  const common = { leadId, channel, attempts: state.attempts };
  const code = asCode(state.lastError) && { code: asCode(state.lastError)! };
  if (state.status === 'delivered')
    deps.log.info({ event: 'delivery.delivered', outcome: 'delivered', ...common });
  else if (state.status === 'pending')
    deps.log.warn({ event: 'delivery.retry', outcome: 'retry', ...common, ...code });
  // The dead line is the alert of last resort: it fires even when no channel is left to tell.
  else deps.log.error({ event: 'delivery.dead', outcome: 'dead', ...common, ...code });
}

function applyStates(meta: LeadMeta, states: ReadonlyMap<ChannelName, ChannelState>): LeadMeta {
  return { ...meta, channels: { ...meta.channels, ...Object.fromEntries(states) } };
}

/**
 * Our outcome laid over the lead as it is now. A channel someone else has meanwhile
 * recorded as delivered stays delivered: that fact is what keeps a lead from being sent
 * again, so nothing may overwrite it.
 */
export function mergeOutcome(
  current: LeadMeta,
  states: ReadonlyMap<ChannelName, ChannelState>,
  flags: readonly string[],
): LeadMeta {
  const channels = { ...current.channels };
  for (const [name, state] of states) {
    if (channelState(current, name).status !== 'delivered') channels[name] = state;
  }
  return { ...current, channels, flags: [...new Set([...current.flags, ...flags])] };
}

async function sendAlerts(
  deps: DeliveryDeps,
  leadId: string,
  meta: LeadMeta,
  owed: readonly OwedAlert[],
  byName: ReadonlyMap<ChannelName, Channel>,
): Promise<OwedAlert[]> {
  const sent = await Promise.all(
    owed.map(async (alert) => {
      const failed = channelState(meta, alert.failing);
      const result = await attempt(deps, (signal) =>
        byName.get(alert.via)!.alert(
          {
            leadId,
            channel: alert.failing,
            attempts: failed.attempts,
            lastError: asCode(failed.lastError),
            failedAt: new Date(failed.lastAttemptAt ?? meta.receivedAt),
          },
          signal,
        ),
      );
      const ok = result.outcome === 'delivered';
      const fields = { event: 'delivery.alert', leadId, channel: alert.failing, via: alert.via } as const;
      if (ok) deps.log.info({ ...fields, outcome: 'delivered' });
      else deps.log.warn({ ...fields, outcome: 'retry', code: result.code });
      return ok ? alert : null;
    }),
  );
  return sent.filter((alert): alert is OwedAlert => alert !== null);
}
