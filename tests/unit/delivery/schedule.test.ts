/**
 * Backoff and the 24-hour window, table by table.
 */
import { describe, expect, it } from 'vitest';
import type { DeliveryResult } from '../../../src/leads/channels/channel.ts';
import {
  BACKOFF_MS,
  DEAD_AFTER_MS,
  afterAttempt,
  retryDelayMs,
} from '../../../src/leads/delivery/schedule.ts';
import { initialMeta, type LeadMeta } from '../../../src/leads/storage/metadata.ts';
import { HOUR, MINUTE, T0 } from './support/leads.ts';

const meta = (): LeadMeta =>
  initialMeta({ receivedAt: T0, consentVersion: 'c1', submission: null, channels: ['webhook'] });
const FAIL: DeliveryResult = { outcome: 'retry', code: 'http_503' };
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('retry delays', () => {
  it.each([
    [1, 1 * MINUTE],
    [2, 5 * MINUTE],
    [3, 15 * MINUTE],
    [4, 60 * MINUTE],
    [5, 60 * MINUTE],
    [30, 60 * MINUTE],
  ])('after failure %i waits %i ms (no jitter)', (failures, ms) => {
    expect(retryDelayMs(failures, () => 0.5)).toBe(ms);
  });

  it.each([0, 0.25, 0.75, 0.999])('jitter stays within 10%% (random %f)', (random) => {
    for (const [index, base] of BACKOFF_MS.entries()) {
      const delay = retryDelayMs(index + 1, () => random);
      expect(delay).toBeGreaterThanOrEqual(base * 0.9);
      expect(delay).toBeLessThanOrEqual(base * 1.1);
    }
  });
});

describe('after an attempt', () => {
  it('a success is delivered for good: no next attempt', () => {
    expect(afterAttempt(meta(), 'webhook', { outcome: 'delivered' }, at(1000))).toEqual({
      status: 'delivered',
      attempts: 1,
      nextAttemptAt: null,
      lastAttemptAt: at(1000).toISOString(),
      deliveredAt: at(1000).toISOString(),
      lastError: null,
      since: T0.toISOString(),
    });
  });

  it('a failure schedules the next try and keeps the short code', () => {
    expect(afterAttempt(meta(), 'webhook', FAIL, at(0), () => 0.5)).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: at(MINUTE).toISOString(),
      lastError: 'http_503',
    });
  });

  it('follows about 1, 5, 15, 60 minutes, then hourly, and is dead at the 24-hour mark', () => {
    let state = meta();
    const times: number[] = [];
    let now = 0;
    for (let i = 0; i < 40; i++) {
      const next = afterAttempt(state, 'webhook', FAIL, at(now), () => 0.5);
      state = { ...state, channels: { webhook: next } };
      if (next.status === 'dead') break;
      now = Date.parse(next.nextAttemptAt!) - T0.getTime();
      times.push(now);
    }
    expect(times.slice(0, 5)).toEqual([1, 6, 21, 81, 141].map((m) => m * MINUTE));
    // The last try is exactly at 24 h, and its failure is final.
    expect(times.at(-1)).toBe(DEAD_AFTER_MS);
    expect(state.channels['webhook']).toMatchObject({
      status: 'dead',
      nextAttemptAt: null,
      lastError: 'http_503',
    });
    expect(state.channels['webhook']!.attempts).toBe(times.length + 1);
  });

  it('a channel that says dead is dead at once', () => {
    expect(afterAttempt(meta(), 'webhook', { outcome: 'dead', code: 'rejected' }, at(0)).status).toBe('dead');
  });

  it('a channel configured after the lead arrived gets its own 24 hours', () => {
    const late = at(3 * 24 * HOUR);
    const state = afterAttempt(meta(), 'email', FAIL, late, () => 0.5);
    expect(state).toMatchObject({ status: 'pending', since: late.toISOString(), attempts: 1 });
  });

  it('an operator retry (new `since`) opens a new window', () => {
    const base = meta();
    const revived: LeadMeta = {
      ...base,
      channels: {
        webhook: {
          ...base.channels['webhook']!,
          status: 'pending',
          since: at(48 * HOUR).toISOString(),
          attempts: 0,
        },
      },
    };
    expect(afterAttempt(revived, 'webhook', FAIL, at(48 * HOUR + MINUTE)).status).toBe('pending');
    expect(afterAttempt(base, 'webhook', FAIL, at(48 * HOUR + MINUTE)).status).toBe('dead');
  });
});
