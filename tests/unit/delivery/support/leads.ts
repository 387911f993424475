/**
 * Leads, clocks and delivery dependencies for the delivery tests.
 */
import type { Channel } from '../../../../src/leads/channels/channel.ts';
import type { DeliveryDeps } from '../../../../src/leads/delivery/deps.ts';
import type { Logger } from '../../../../src/leads/runtime/log.ts';
import { initialMeta } from '../../../../src/leads/storage/metadata.ts';
import type { LeadRecord } from '../../../../src/leads/storage/record.ts';
import { sealLead } from '../../../../src/leads/storage/sealed-lead.ts';
import { createLeadStore, type LeadStore } from '../../../../src/leads/storage/store.ts';
import { captureLog, testKeys } from '../../callback/support/fixtures.ts';

export const T0 = new Date('2026-03-02T15:00:00.000Z');

/** A lead whose values are easy to search for in messages, and must never reach a log. */
export function makeLead(overrides: Partial<LeadRecord> = {}): LeadRecord {
  const id = overrides.id ?? crypto.randomUUID();
  const receivedAt = overrides.receivedAt ?? T0.toISOString();
  return {
    id,
    receivedAt,
    name: 'Marisol Quintanilla-Björk',
    phone: '+14155552671',
    email: 'marisol.quintanilla@example.org',
    callTime: 'evening',
    forWhom: 'loved-one',
    program: 'intensive-outpatient',
    voicemail: true,
    texts: false,
    consent: { version: 'c1-14ab5db63891', at: receivedAt },
    page: '/programs/intensive-outpatient/',
    ...overrides,
  };
}

/** Stores `lead` as the handler would: sealed, every channel pending from arrival. */
export async function storeLead(
  store: LeadStore,
  lead: LeadRecord,
  channels: readonly string[],
): Promise<void> {
  const meta = initialMeta({
    receivedAt: new Date(lead.receivedAt),
    consentVersion: lead.consent.version,
    submission: null,
    channels,
  });
  const { created } = await store.put(lead.id, await sealLead(await testKeys(), lead), meta);
  if (!created) throw new Error('lead id taken');
}

export interface TestClock {
  now: () => Date;
  set(date: Date): void;
  advance(ms: number): void;
}

export function testClock(start: Date = T0): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (date) => void (current = date.getTime()),
    advance: (ms) => void (current += ms),
  };
}

export async function deliveryDeps(
  channels: readonly Channel[],
  options: { clock?: TestClock; log?: Logger; leads?: LeadStore } = {},
): Promise<DeliveryDeps & { leads: LeadStore }> {
  return {
    leads: options.leads ?? createLeadStore(),
    keys: await testKeys(),
    channels,
    log: options.log ?? captureLog().logger,
    now: (options.clock ?? testClock()).now,
    // No jitter: schedules in tests are exact.
    random: () => 0.5,
  };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
