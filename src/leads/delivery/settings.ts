/**
 * Delivery settings from the environment: which channels are on, where they send, how
 * long delivered leads are kept. Pure, so the function, the scheduled sweeper, the build
 * guard and the operator command all read them the same way.
 *
 * A channel is on only when all its settings are present and usable. A setting that is
 * present but unusable, or missing beside its companion (a webhook URL without its
 * secret), is reported by name, never by value, and keeps that channel off.
 */
import { Webhook } from 'standardwebhooks';
import { isProductionBuild } from '../../lib/placeholders.ts';
import type { ChannelName } from '../channels/names.ts';
import type { SettingName } from '../runtime/log.ts';
import type { ReadEnv } from '../runtime/settings.ts';

export const DEFAULT_RETENTION_DAYS = 14;
export const DEFAULT_MAIL_FROM = 'Callback requests <callbacks@localhost>';

export interface SettingProblem {
  setting: SettingName;
  problem: 'missing_setting' | 'invalid_setting';
  /** Plain words for the build guard and the operator. */
  detail: string;
}

export interface DeliverySettings {
  production: boolean;
  webhook: { url: string; secret: string } | null;
  email: { smtpUrl: string; to: string[]; from: string } | null;
  /** The local inbox folder: only outside production, and only when no channel is set at all. */
  inbox: { dir: string } | null;
  retentionDays: number;
  problems: SettingProblem[];
}

// Deliberately simple: the SMTP server is the real judge; this catches typos and lists.
const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+$/;
const NAMED_ADDRESS = /^[^<>]*<([^\s@<>",;]+@[^\s@<>",;]+)>$/;

const read = (env: ReadEnv, name: SettingName) => env(name)?.trim() || undefined;

function webhookSettings(env: ReadEnv, production: boolean, problems: SettingProblem[]) {
  const url = read(env, 'ADMISSIONS_WEBHOOK_URL');
  const secret = read(env, 'ADMISSIONS_WEBHOOK_SECRET');
  if (!url && !secret) return null;
  let usable = true;
  if (!url) {
    problems.push({
      setting: 'ADMISSIONS_WEBHOOK_URL',
      problem: 'missing_setting',
      detail: 'ADMISSIONS_WEBHOOK_SECRET is set, but not the URL to send to',
    });
    usable = false;
  } else if (!isWebhookUrl(url, production)) {
    problems.push({
      setting: 'ADMISSIONS_WEBHOOK_URL',
      problem: 'invalid_setting',
      detail: `must be an ${production ? 'https://' : 'http:// or https://'} URL without a user name or password`,
    });
    usable = false;
  }
  if (!secret) {
    problems.push({
      setting: 'ADMISSIONS_WEBHOOK_SECRET',
      problem: 'missing_setting',
      detail: 'the webhook needs its signing secret (whsec_...)',
    });
    usable = false;
  } else if (!isWebhookSecret(secret)) {
    problems.push({
      setting: 'ADMISSIONS_WEBHOOK_SECRET',
      problem: 'invalid_setting',
      detail: 'must be whsec_ followed by base64 of at least 16 random bytes',
    });
    usable = false;
  }
  return usable ? { url: url!, secret: secret! } : null;
}

export function isWebhookUrl(value: string, production: boolean): boolean {
  try {
    const url = new URL(value);
    // fetch refuses URLs with credentials in them; the signature is the authentication.
    if (url.username !== '' || url.password !== '') return false;
    return url.protocol === 'https:' || (!production && url.protocol === 'http:');
  } catch {
    return false;
  }
}

export function isWebhookSecret(value: string): boolean {
  if (!value.startsWith('whsec_')) return false;
  try {
    new Webhook(value);
  } catch {
    return false;
  }
  const body = value.slice('whsec_'.length);
  return /^[A-Za-z0-9+/]+={0,2}$/.test(body) && Math.floor((body.replace(/=+$/, '').length * 3) / 4) >= 16;
}

function emailSettings(env: ReadEnv, production: boolean, problems: SettingProblem[]) {
  const smtpUrl = read(env, 'SMTP_URL');
  const to = read(env, 'ADMISSIONS_EMAIL');
  const from = read(env, 'MAIL_FROM');
  if (!smtpUrl && !to) return null;
  let usable = true;
  if (!smtpUrl) {
    problems.push({
      setting: 'SMTP_URL',
      problem: 'missing_setting',
      detail: 'ADMISSIONS_EMAIL is set, but not the SMTP server to send through',
    });
    usable = false;
  } else if (!isSmtpUrl(smtpUrl)) {
    problems.push({
      setting: 'SMTP_URL',
      problem: 'invalid_setting',
      detail: 'must look like smtp://host:587 or smtps://user:pass@host:465',
    });
    usable = false;
  }
  const recipients = to ? parseAddressList(to) : null;
  if (!to) {
    problems.push({
      setting: 'ADMISSIONS_EMAIL',
      problem: 'missing_setting',
      detail: 'SMTP_URL is set, but not the admissions address(es) to send to',
    });
    usable = false;
  } else if (recipients === null) {
    problems.push({
      setting: 'ADMISSIONS_EMAIL',
      problem: 'invalid_setting',
      detail: 'must be one address or several separated by commas',
    });
    usable = false;
  }
  if (from && !isMailbox(from)) {
    problems.push({
      setting: 'MAIL_FROM',
      problem: 'invalid_setting',
      detail: 'must be an address, or a name and <address>',
    });
    usable = false;
  } else if (!from && production) {
    problems.push({
      setting: 'MAIL_FROM',
      problem: 'missing_setting',
      detail: 'email needs a sender address your SMTP provider allows',
    });
    usable = false;
  }
  return usable ? { smtpUrl: smtpUrl!, to: recipients!, from: from ?? DEFAULT_MAIL_FROM } : null;
}

export function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export function parseAddressList(value: string): string[] | null {
  const list = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return list.length > 0 && list.every((address) => ADDRESS.test(address)) ? list : null;
}

export const isMailbox = (value: string): boolean => ADDRESS.test(value) || NAMED_ADDRESS.test(value);

function retention(env: ReadEnv, problems: SettingProblem[]): number {
  const raw = read(env, 'LEAD_RETENTION_DAYS');
  if (raw === undefined) return DEFAULT_RETENTION_DAYS;
  if (/^\d{1,4}$/.test(raw) && Number(raw) <= 3650) return Number(raw);
  problems.push({
    setting: 'LEAD_RETENTION_DAYS',
    problem: 'invalid_setting',
    detail: `must be a whole number of days (0 to 3650); the default is ${DEFAULT_RETENTION_DAYS}`,
  });
  return DEFAULT_RETENTION_DAYS;
}

const CHANNEL_SETTINGS: SettingName[] = [
  'ADMISSIONS_WEBHOOK_URL',
  'ADMISSIONS_WEBHOOK_SECRET',
  'SMTP_URL',
  'ADMISSIONS_EMAIL',
];

/**
 * `production` defaults to what the environment says (NODE_ENV, CONTEXT), for tools such
 * as the local server's setup; a running function passes the runtime rule with Netlify's
 * deploy context (../runtime/runtime-mode.ts, through ../runtime/deps.ts).
 */
export function readDeliverySettings(
  env: ReadEnv,
  production = isProductionBuild({ CONTEXT: env('CONTEXT'), NODE_ENV: env('NODE_ENV') }),
): DeliverySettings {
  const problems: SettingProblem[] = [];
  const webhook = webhookSettings(env, production, problems);
  const email = emailSettings(env, production, problems);
  const anyChannelSetting = CHANNEL_SETTINGS.some((name) => read(env, name) !== undefined);
  const inboxDir = read(env, 'LEAD_INBOX_DIR');
  const inbox = !production && !anyChannelSetting && inboxDir ? { dir: inboxDir } : null;
  return { production, webhook, email, inbox, retentionDays: retention(env, problems), problems };
}

export type SettingGap = Pick<SettingProblem, 'setting' | 'problem'>;

/**
 * With no channel on: the settings to fix, by name. The half-set channels' problems, or,
 * when no channel setting is present at all, the first setting of each channel.
 */
export function missingChannelSettings(settings: DeliverySettings): SettingGap[] {
  const channelProblems = settings.problems
    .filter(({ setting }) => setting !== 'LEAD_RETENTION_DAYS')
    .map(({ setting, problem }) => ({ setting, problem }));
  if (channelProblems.length > 0) return channelProblems;
  return [
    { setting: 'ADMISSIONS_WEBHOOK_URL', problem: 'missing_setting' },
    { setting: 'SMTP_URL', problem: 'missing_setting' },
  ];
}

/** The channels that are on, in a fixed order. */
export function channelNames(settings: DeliverySettings): ChannelName[] {
  const names: ChannelName[] = [];
  if (settings.webhook) names.push('webhook');
  if (settings.email) names.push('email');
  if (settings.inbox) names.push('inbox');
  return names;
}
