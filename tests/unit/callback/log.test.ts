import { describe, expect, it } from 'vitest';
import { createLogger, errorName, type LogFields } from '../../../src/leads/runtime/log.ts';

function capture(fields: unknown): Record<string, unknown> {
  const lines: string[] = [];
  createLogger((_, line) => lines.push(line)).info(fields as LogFields);
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

describe('logger', () => {
  it('writes the allowed fields', () => {
    expect(
      capture({
        event: 'lead.stored',
        outcome: 'ok',
        leadId: '3b241101-e2bb-4255-8caf-4136c566a962',
        status: 202,
        reason: 'invalid_fields',
        fields: ['name', 'phone'],
        errorName: 'TypeError',
        ms: 12.6,
      }),
    ).toEqual({
      event: 'lead.stored',
      outcome: 'ok',
      leadId: '3b241101-e2bb-4255-8caf-4136c566a962',
      status: 202,
      reason: 'invalid_fields',
      fields: ['name', 'phone'],
      errorName: 'TypeError',
      ms: 13,
    });
  });

  it('names a missing setting in words', () => {
    expect(
      capture({
        event: 'config.error',
        outcome: 'unavailable',
        reason: 'missing_setting',
        setting: 'LEAD_ENCRYPTION_KEY',
      }),
    ).toMatchObject({ msg: 'missing LEAD_ENCRYPTION_KEY', setting: 'LEAD_ENCRYPTION_KEY' });
  });

  it.each([
    ['an unknown field', { name: 'Sam Lee', phone: '+12025550143' }],
    ['a value smuggled into event', { event: 'Sam Lee' }],
    ['a value smuggled into outcome', { outcome: '+12025550143' }],
    ['a value smuggled into leadId', { leadId: 'sam@example.org' }],
    ['a value smuggled into reason', { reason: 'Sam Lee' }],
    ['a value smuggled into fields', { fields: ['name', 'Sam Lee'] }],
    ['a value smuggled into setting', { setting: 'Sam Lee' }],
    ['a value smuggled into errorName', { errorName: 'Sam Lee called from +12025550143' }],
    ['a name that looks like a class', { errorName: 'SamLee' }],
    ['a value smuggled into status', { status: '+12025550143' }],
    ['an Error object', { error: new Error('Sam Lee +12025550143'), errorName: new Error('Sam Lee') }],
  ])('drops %s', (_, extra) => {
    const line = JSON.stringify(capture({ event: 'lead.stored', outcome: 'ok', ...extra }));
    expect(line).not.toMatch(/Sam|2025550143|example\.org/);
  });

  it('reduces errors to their class name', () => {
    expect(errorName(new TypeError('Sam Lee'))).toBe('TypeError');
    expect(errorName(Object.assign(new Error('x'), { name: 'Sam Lee' }))).toBe('Error');
    expect(errorName('Sam Lee')).toBe('Error');
  });
});
