/**
 * Delivery settings and the production build guard.
 */
import { describe, expect, it } from 'vitest';
import {
  channelNames,
  missingChannelSettings,
  readDeliverySettings,
} from '../../../src/leads/delivery/settings.ts';
import {
  assertLeadDeliveryReady,
  deliveryGuardProblems,
} from '../../../src/leads/delivery/production-guard.ts';

const SECRET = `whsec_${Buffer.alloc(32, 5).toString('base64')}`;
const KEY = Buffer.alloc(32, 3).toString('base64');
const WEBHOOK = { ADMISSIONS_WEBHOOK_URL: 'https://crm.test/hooks', ADMISSIONS_WEBHOOK_SECRET: SECRET };
const EMAIL = {
  SMTP_URL: 'smtps://user:pass@smtp.test:465',
  ADMISSIONS_EMAIL: 'admissions@center.test, intake@center.test',
  MAIL_FROM: 'Callbacks <callbacks@center.test>',
};
const read = (env: Record<string, string>) => (name: string) => env[name];

describe('delivery settings', () => {
  it.each<[string, Record<string, string>, boolean, string[]]>([
    ['nothing set, locally, no inbox folder', {}, false, []],
    ['nothing set, locally, with an inbox folder', { LEAD_INBOX_DIR: '/tmp/inbox' }, false, ['inbox']],
    ['nothing set, production: never the inbox', { LEAD_INBOX_DIR: '/tmp/inbox' }, true, []],
    ['webhook', WEBHOOK, true, ['webhook']],
    ['email', EMAIL, true, ['email']],
    [
      'both (the inbox only when nothing is set)',
      { ...WEBHOOK, ...EMAIL, LEAD_INBOX_DIR: '/tmp/i' },
      false,
      ['webhook', 'email'],
    ],
    [
      'a half-set webhook also turns the inbox off',
      { ADMISSIONS_WEBHOOK_URL: 'http://127.0.0.1:9/x', LEAD_INBOX_DIR: '/i' },
      false,
      [],
    ],
    [
      'http webhook locally',
      { ...WEBHOOK, ADMISSIONS_WEBHOOK_URL: 'http://127.0.0.1:4399/x' },
      false,
      ['webhook'],
    ],
    ['http webhook in production', { ...WEBHOOK, ADMISSIONS_WEBHOOK_URL: 'http://crm.test/x' }, true, []],
    ['email without MAIL_FROM locally (a default sender)', { ...EMAIL, MAIL_FROM: '' }, false, ['email']],
    ['email without MAIL_FROM in production', { ...EMAIL, MAIL_FROM: '' }, true, []],
  ])('%s', (_, env, production, expected) => {
    expect(channelNames(readDeliverySettings(read(env), production))).toEqual(expected);
  });

  it.each<[string, Record<string, string>, string, string]>([
    [
      'URL without secret',
      { ADMISSIONS_WEBHOOK_URL: 'https://crm.test/x' },
      'ADMISSIONS_WEBHOOK_SECRET',
      'missing_setting',
    ],
    [
      'secret without URL',
      { ADMISSIONS_WEBHOOK_SECRET: SECRET },
      'ADMISSIONS_WEBHOOK_URL',
      'missing_setting',
    ],
    [
      'not a URL',
      { ...WEBHOOK, ADMISSIONS_WEBHOOK_URL: 'crm.test' },
      'ADMISSIONS_WEBHOOK_URL',
      'invalid_setting',
    ],
    [
      'a URL with a password in it',
      { ...WEBHOOK, ADMISSIONS_WEBHOOK_URL: 'https://u:hunter2@crm.test/x' },
      'ADMISSIONS_WEBHOOK_URL',
      'invalid_setting',
    ],
    [
      'secret without whsec_',
      { ...WEBHOOK, ADMISSIONS_WEBHOOK_SECRET: 'hunter2' },
      'ADMISSIONS_WEBHOOK_SECRET',
      'invalid_setting',
    ],
    [
      'secret too short',
      { ...WEBHOOK, ADMISSIONS_WEBHOOK_SECRET: 'whsec_YWJj' },
      'ADMISSIONS_WEBHOOK_SECRET',
      'invalid_setting',
    ],
    ['SMTP without recipients', { SMTP_URL: EMAIL.SMTP_URL }, 'ADMISSIONS_EMAIL', 'missing_setting'],
    ['recipients without SMTP', { ADMISSIONS_EMAIL: 'a@b.test' }, 'SMTP_URL', 'missing_setting'],
    ['not an SMTP URL', { ...EMAIL, SMTP_URL: 'https://smtp.test' }, 'SMTP_URL', 'invalid_setting'],
    [
      'a bad recipient list',
      { ...EMAIL, ADMISSIONS_EMAIL: 'admissions, intake' },
      'ADMISSIONS_EMAIL',
      'invalid_setting',
    ],
    ['a bad sender', { ...EMAIL, MAIL_FROM: 'callbacks' }, 'MAIL_FROM', 'invalid_setting'],
    [
      'retention not a number',
      { LEAD_RETENTION_DAYS: 'two weeks' },
      'LEAD_RETENTION_DAYS',
      'invalid_setting',
    ],
  ])('reports %s by name', (_, env, setting, problem) => {
    const settings = readDeliverySettings(read(env), false);
    expect(settings.problems).toContainEqual(expect.objectContaining({ setting, problem }));
    // Never the value itself.
    for (const value of Object.values(env)) {
      expect(JSON.stringify(settings.problems)).not.toContain(value);
    }
  });

  it.each([
    [undefined, 14],
    ['0', 0],
    ['30', 30],
    ['-1', 14],
    ['1.5', 14],
  ])('LEAD_RETENTION_DAYS=%s -> %i days', (value, days) => {
    const env: Record<string, string> = value === undefined ? {} : { LEAD_RETENTION_DAYS: value };
    expect(readDeliverySettings(read(env), false).retentionDays).toBe(days);
  });
});

describe('missingChannelSettings: what production names when no channel is on', () => {
  it.each<[string, Record<string, string>, [string, string][]]>([
    [
      'nothing set',
      { LEAD_INBOX_DIR: '/tmp/inbox' },
      [
        ['ADMISSIONS_WEBHOOK_URL', 'missing_setting'],
        ['SMTP_URL', 'missing_setting'],
      ],
    ],
    [
      'an http:// webhook',
      { ...WEBHOOK, ADMISSIONS_WEBHOOK_URL: 'http://crm.test/x' },
      [['ADMISSIONS_WEBHOOK_URL', 'invalid_setting']],
    ],
    [
      'a webhook without its secret',
      { ADMISSIONS_WEBHOOK_URL: 'https://crm.test/x' },
      [['ADMISSIONS_WEBHOOK_SECRET', 'missing_setting']],
    ],
    ['email without a sender', { ...EMAIL, MAIL_FROM: '' }, [['MAIL_FROM', 'missing_setting']]],
    [
      'a bad retention is not why nothing is delivered',
      { LEAD_RETENTION_DAYS: 'x' },
      [
        ['ADMISSIONS_WEBHOOK_URL', 'missing_setting'],
        ['SMTP_URL', 'missing_setting'],
      ],
    ],
  ])('%s', (_, env, expected) => {
    const settings = readDeliverySettings(read(env), true);
    expect(channelNames(settings)).toEqual([]);
    expect(missingChannelSettings(settings)).toEqual(
      expected.map(([setting, problem]) => ({ setting, problem })),
    );
  });
});

describe('production guard', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['ready with a webhook', { ...WEBHOOK, LEAD_ENCRYPTION_KEY: KEY }, []],
    ['ready with email', { ...EMAIL, LEAD_ENCRYPTION_KEY: KEY }, []],
    ['no channel', { LEAD_ENCRYPTION_KEY: KEY }, ['missing ADMISSIONS_WEBHOOK_URL or SMTP_URL']],
    ['no key', { ...WEBHOOK }, ['missing LEAD_ENCRYPTION_KEY']],
    ['a bad key', { ...WEBHOOK, LEAD_ENCRYPTION_KEY: 'c2hvcnQ=' }, ['invalid LEAD_ENCRYPTION_KEY']],
    ['nothing at all', {}, ['missing ADMISSIONS_WEBHOOK_URL or SMTP_URL', 'missing LEAD_ENCRYPTION_KEY']],
    [
      'a half-set webhook',
      { ADMISSIONS_WEBHOOK_URL: 'https://crm.test/x', LEAD_ENCRYPTION_KEY: KEY },
      ['missing ADMISSIONS_WEBHOOK_SECRET'],
    ],
    ['email without a sender', { ...EMAIL, MAIL_FROM: '', LEAD_ENCRYPTION_KEY: KEY }, ['missing MAIL_FROM']],
    [
      'a plain-http webhook',
      { ...WEBHOOK, ADMISSIONS_WEBHOOK_URL: 'http://crm.test/x', LEAD_ENCRYPTION_KEY: KEY },
      ['invalid ADMISSIONS_WEBHOOK_URL'],
    ],
    [
      'an inbox folder does not count',
      { LEAD_INBOX_DIR: '/tmp/i', LEAD_ENCRYPTION_KEY: KEY },
      ['missing ADMISSIONS_WEBHOOK_URL or SMTP_URL'],
    ],
  ])('%s', (_, env, expected) => {
    const problems = deliveryGuardProblems(env);
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(expected);
  });

  it('throws one message that names every missing setting and no value', () => {
    const env = { ADMISSIONS_WEBHOOK_URL: 'https://crm.test/secret-path' };
    expect(() => assertLeadDeliveryReady(env)).toThrow(/ADMISSIONS_WEBHOOK_SECRET[\s\S]*LEAD_ENCRYPTION_KEY/);
    expect(() => assertLeadDeliveryReady(env)).not.toThrow(/secret-path/);
    expect(() => assertLeadDeliveryReady({ ...WEBHOOK, LEAD_ENCRYPTION_KEY: KEY })).not.toThrow();
  });
});
