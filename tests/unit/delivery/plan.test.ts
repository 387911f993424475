/**
 * What a lead needs (due channels, owed alerts) and when it is deleted, from metadata alone.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../src/leads/channels/names.ts';
import { alertFlag, needsWork, owedAlerts, undelivered } from '../../../src/leads/delivery/plan.ts';
import { purgeDecision } from '../../../src/leads/delivery/retention.ts';
import { initialMeta, type ChannelState, type LeadMeta } from '../../../src/leads/storage/metadata.ts';
import { HOUR, T0 } from './support/leads.ts';

const DAY = 24 * HOUR;
const at = (ms: number) => new Date(T0.getTime() + ms);
const iso = (ms: number) => at(ms).toISOString();

const pending = (next = 0): ChannelState => ({
  status: 'pending',
  attempts: 1,
  nextAttemptAt: iso(next),
  lastAttemptAt: iso(0),
  deliveredAt: null,
  lastError: 'timeout',
});
const delivered = (when = 0): ChannelState => ({
  status: 'delivered',
  attempts: 1,
  nextAttemptAt: null,
  lastAttemptAt: iso(when),
  deliveredAt: iso(when),
  lastError: null,
});
const dead = (when = DAY): ChannelState => ({
  status: 'dead',
  attempts: 27,
  nextAttemptAt: null,
  lastAttemptAt: iso(when),
  deliveredAt: null,
  lastError: 'http_500',
});

function meta(channels: Record<string, ChannelState>, extra: Partial<LeadMeta> = {}): LeadMeta {
  return {
    ...initialMeta({ receivedAt: T0, consentVersion: 'c1', submission: null, channels: [] }),
    channels,
    ...extra,
  };
}

const BOTH: ChannelName[] = ['webhook', 'email'];

describe('owed alerts', () => {
  it.each<[string, Record<string, ChannelState>, string[], { failing: string; via: string }[]]>([
    ['none while both work', { webhook: delivered(), email: pending() }, [], []],
    [
      'dead webhook: tell email',
      { webhook: dead(), email: delivered() },
      [],
      [{ failing: 'webhook', via: 'email' }],
    ],
    [
      'dead webhook, pending email: still tell email',
      { webhook: dead(), email: pending() },
      [],
      [{ failing: 'webhook', via: 'email' }],
    ],
    ['already told', { webhook: dead(), email: delivered() }, [alertFlag('webhook', 'email')], []],
    [
      'both dead: no channel left to tell (the log line is the alert)',
      { webhook: dead(), email: dead() },
      [],
      [],
    ],
  ])('%s', (_, channels, flags, expected) => {
    expect(owedAlerts(meta(channels, { flags }), BOTH)).toEqual(expected);
  });
});

describe('needs work', () => {
  it.each<[string, LeadMeta, ChannelName[], number, boolean]>([
    ['a new lead', meta({ webhook: pending(0), email: pending(0) }), BOTH, 0, true],
    ['a retry not yet due', meta({ webhook: pending(HOUR) }), ['webhook'], HOUR - 1, false],
    ['a retry due', meta({ webhook: pending(HOUR) }), ['webhook'], HOUR, true],
    ['delivered everywhere', meta({ webhook: delivered(), email: delivered() }), BOTH, DAY, false],
    ['an alert owed', meta({ webhook: dead(), email: delivered() }), BOTH, 2 * DAY, true],
    ['a channel added later counts as pending', meta({ webhook: delivered() }), BOTH, 0, true],
    ['no channel configured', meta({ webhook: pending() }), [], 0, false],
  ])('%s', (_, lead, channels, now, expected) => {
    expect(needsWork(lead, channels, at(now))).toBe(expected);
  });

  it('undelivered means dead on every configured channel', () => {
    expect(undelivered(meta({ webhook: dead(), email: dead() }), BOTH)).toBe(true);
    expect(undelivered(meta({ webhook: dead(), email: delivered() }), BOTH)).toBe(false);
    expect(undelivered(meta({}), [])).toBe(false);
  });
});

describe('retention', () => {
  const lease = { token: crypto.randomUUID(), until: iso(20 * DAY) };
  it.each<[string, LeadMeta, ChannelName[], number, string]>([
    ['delivered, inside 14 days', meta({ webhook: delivered(0) }), ['webhook'], 14 * DAY - 1, 'keep'],
    ['delivered, 14 days on', meta({ webhook: delivered(0) }), ['webhook'], 14 * DAY, 'delivered'],
    [
      'counted from the last channel to settle',
      meta({ webhook: delivered(0), email: dead(DAY) }),
      BOTH,
      14 * DAY,
      'keep',
    ],
    [
      'one delivered, one dead, after both settled',
      meta({ webhook: delivered(0), email: dead(DAY) }),
      BOTH,
      15 * DAY,
      'delivered',
    ],
    [
      'still pending somewhere',
      meta({ webhook: delivered(0), email: pending(30 * DAY) }),
      BOTH,
      29 * DAY,
      'keep',
    ],
    [
      'dead everywhere, kept for the window to act',
      meta({ webhook: dead(DAY), email: dead(DAY) }),
      BOTH,
      14 * DAY,
      'keep',
    ],
    [
      'dead everywhere, then deleted (logged as an error)',
      meta({ webhook: dead(DAY), email: dead(DAY) }),
      BOTH,
      15 * DAY,
      'undelivered',
    ],
    ['held by a sweeper', meta({ webhook: delivered(0) }, { lease }), ['webhook'], 15 * DAY, 'keep'],
    ['no channel configured: never', meta({ webhook: delivered(0) }), [], 99 * DAY, 'keep'],
  ])('%s -> %s', (_, lead, channels, now, expected) => {
    expect(purgeDecision(lead, channels, at(now), 14)).toBe(expected);
  });

  it('LEAD_RETENTION_DAYS=0 deletes as soon as every channel has settled', () => {
    expect(purgeDecision(meta({ webhook: delivered(0) }), ['webhook'], at(0), 0)).toBe('delivered');
  });
});
