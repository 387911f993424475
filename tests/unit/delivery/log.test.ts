/**
 * The delivery fields of the logger: channel names, attempt counts, our short codes and
 * sweep figures pass; anything else is dropped, so no value can ride along.
 */
import { describe, expect, it } from 'vitest';
import { createLogger, type LogFields } from '../../../src/leads/runtime/log.ts';

function capture(fields: unknown): Record<string, unknown> {
  const lines: string[] = [];
  createLogger((_, line) => lines.push(line)).error(fields as LogFields);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

const leadId = '3b241101-e2bb-4255-8caf-4136c566a962';

describe('delivery log fields', () => {
  it('writes them', () => {
    expect(
      capture({
        event: 'delivery.dead',
        outcome: 'dead',
        leadId,
        channel: 'webhook',
        via: 'email',
        attempts: 27,
        code: 'http_503',
        counts: { due: 3, delivered: 2 },
      }),
    ).toEqual({
      event: 'delivery.dead',
      outcome: 'dead',
      leadId,
      channel: 'webhook',
      via: 'email',
      attempts: 27,
      code: 'http_503',
      counts: { due: 3, delivered: 2 },
    });
  });

  it.each([
    ['a made-up channel', { channel: 'Sam Lee' }, 'channel'],
    ['a made-up via', { via: '+12025550143' }, 'via'],
    ['a reply text as code', { code: '550 sam@example.org: no such user' }, 'code'],
    ['a code out of range', { code: 'http_999' }, 'code'],
    ['attempts as text', { attempts: '+12025550143' }, 'attempts'],
    ['an unknown count', { counts: { 'Sam Lee': 1 } }, 'counts'],
    ['a count that is not a number', { counts: { due: 'Sam Lee' } }, 'counts'],
  ])('drops %s', (_, extra, field) => {
    const line = capture({ event: 'delivery.retry', outcome: 'retry', leadId, ...extra });
    expect(line).not.toHaveProperty(field);
    expect(JSON.stringify(line)).not.toMatch(/Sam|2025550143|example\.org/);
  });
});
