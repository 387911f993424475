/**
 * The only logger the callback code uses. It takes a closed set of fields, each checked
 * at run time as well as by type, so a name, phone number or stack trace cannot reach a
 * log line even through an `any` or a careless `String(error)`.
 */
import { VISIBLE_FIELDS } from '../../callback/fields.ts';
import { INSURANCE_VISIBLE_FIELDS } from '../kinds/insurance/fields.ts';
import { KIND_NAMES, type KindName } from '../kinds/kind.ts';
import { CHANNEL_NAMES, type ChannelName } from '../channels/names.ts';
import { isDeliveryCode, type DeliveryCode } from '../channels/codes.ts';
import { isLeadId } from './ids.ts';

/** Field names a log line may carry (names of fields that failed validation, any kind). */
export const LOGGABLE_FIELDS: readonly string[] = [
  ...new Set<string>([...VISIBLE_FIELDS, ...INSURANCE_VISIBLE_FIELDS]),
];

/** `<kind>.answered`: one line per request, whatever its kind. */
const ANSWERED = KIND_NAMES.map((kind) => `${kind}.answered` as const);

export const LOG_EVENTS = [
  ...ANSWERED,
  'lead.stored',
  'lead.repeat',
  'lead.screened',
  'lead.after_store',
  'store.error',
  'rate_limit.error',
  'config.error',
  'config.dev_key',
  'handler.error',
  // Delivery to admissions (src/leads/delivery): by lead id and channel name only.
  'delivery.delivered',
  'delivery.retry',
  'delivery.dead',
  'delivery.alert',
  'delivery.busy',
  'lead.unreadable',
  'lead.damaged',
  'lead.purged',
  'sweep.finished',
  'sweep.error',
] as const;
export type LogEvent = (typeof LOG_EVENTS)[number];

export const OUTCOMES = [
  'accepted',
  'screened',
  'invalid',
  'rejected',
  'limited',
  'unavailable',
  'failed',
  'ok',
  'warning',
  'delivered',
  'retry',
  'dead',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const REASONS = [
  'method',
  'cross_site',
  'content_type',
  'too_large',
  'malformed',
  'duplicate_field',
  'invalid_fields',
  'honeypot',
  'too_fast',
  'rate_limited',
  'store_unavailable',
  'missing_setting',
  'invalid_setting',
  'deadline',
  'unexpected',
  'retention',
  'undelivered',
  'no_channel',
  'leased',
] as const;
export type Reason = (typeof REASONS)[number];

/** Settings a log line may name (never their values). */
export const SETTINGS = [
  'LEAD_ENCRYPTION_KEY',
  'CALLBACK_RATE_LIMIT',
  'LEAD_RETENTION_DAYS',
  'ADMISSIONS_WEBHOOK_URL',
  'ADMISSIONS_WEBHOOK_SECRET',
  'SMTP_URL',
  'ADMISSIONS_EMAIL',
  'MAIL_FROM',
  'LEAD_INBOX_DIR',
] as const;
export type SettingName = (typeof SETTINGS)[number];

export interface LogFields {
  event: LogEvent;
  outcome: Outcome;
  leadId?: string;
  status?: number;
  reason?: Reason;
  /** Names of fields that failed validation: names only, never values. */
  fields?: readonly string[];
  /** The request's kind. */
  kind?: KindName;
  setting?: SettingName;
  /** The error's class name (e.g. `TypeError`), never its message or stack. */
  errorName?: string;
  ms?: number;
  /** The delivery channel a line is about. */
  channel?: ChannelName;
  /** The channel an alert went out on. */
  via?: ChannelName;
  /** Attempts made so far on `channel`. */
  attempts?: number;
  /** Our short failure code ("http_503", "timeout", "smtp_550"): never a response text. */
  code?: DeliveryCode;
  /** Figures of a sweep, by name. */
  counts?: Partial<Record<CountName, number>>;
}

/** The figures a sweep reports. */
export const COUNT_NAMES = [
  'leads',
  'due',
  'claimed',
  'busy',
  'delivered',
  'retried',
  'dead',
  'alerts',
  'purged',
  'undelivered',
  'damaged',
  'deferred',
  'rateEntries',
  'readErrors',
  'changed',
  'repaired',
  'orphans',
] as const;
export type CountName = (typeof COUNT_NAMES)[number];

export type Level = 'info' | 'warn' | 'error';
export type Sink = (level: Level, line: string) => void;

export interface Logger {
  info(fields: LogFields): void;
  warn(fields: LogFields): void;
  error(fields: LogFields): void;
}

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

// Class names such as TypeError or BlobsInternalError; insisting on the suffix keeps a
// free-text string (a person's name, say) from passing as one.
const ERROR_NAME = /^[A-Z][A-Za-z0-9]{0,40}(?:Error|Exception)$/;
const safeErrorName = (name: string): string => (ERROR_NAME.test(name) ? name : 'Error');

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e9;

/** The error's class name only; anything odd collapses to "Error". */
export function errorName(error: unknown): string {
  return safeErrorName(error instanceof Error ? error.name : '');
}

function clean(fields: LogFields): Record<string, unknown> {
  const line: Record<string, unknown> = {
    event: oneOf(LOG_EVENTS, fields.event) ? fields.event : 'invalid',
    outcome: oneOf(OUTCOMES, fields.outcome) ? fields.outcome : 'invalid',
  };
  if (typeof fields.leadId === 'string' && isLeadId(fields.leadId)) line['leadId'] = fields.leadId;
  if (Number.isInteger(fields.status) && fields.status! >= 100 && fields.status! <= 599)
    line['status'] = fields.status;
  if (oneOf(REASONS, fields.reason)) line['reason'] = fields.reason;
  if (oneOf(KIND_NAMES, fields.kind)) line['kind'] = fields.kind;
  if (Array.isArray(fields.fields)) line['fields'] = fields.fields.filter((f) => oneOf(LOGGABLE_FIELDS, f));
  if (oneOf(SETTINGS, fields.setting)) {
    line['setting'] = fields.setting;
    // Reads as a sentence in plain log viewers: "missing LEAD_ENCRYPTION_KEY".
    if (fields.reason === 'missing_setting') line['msg'] = `missing ${fields.setting}`;
    if (fields.reason === 'invalid_setting') line['msg'] = `invalid ${fields.setting}`;
  }
  if (typeof fields.errorName === 'string') line['errorName'] = safeErrorName(fields.errorName);
  if (typeof fields.ms === 'number' && Number.isFinite(fields.ms)) line['ms'] = Math.round(fields.ms);
  if (oneOf(CHANNEL_NAMES, fields.channel)) line['channel'] = fields.channel;
  if (oneOf(CHANNEL_NAMES, fields.via)) line['via'] = fields.via;
  if (isCount(fields.attempts)) line['attempts'] = fields.attempts;
  if (typeof fields.code === 'string' && isDeliveryCode(fields.code)) line['code'] = fields.code;
  if (fields.counts && typeof fields.counts === 'object') {
    const counts = Object.entries(fields.counts).filter(
      ([name, value]) => oneOf(COUNT_NAMES, name) && isCount(value),
    );
    if (counts.length > 0) line['counts'] = Object.fromEntries(counts);
  }
  return line;
}

const consoleSink: Sink = (level, line) => {
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.info(line);
};

export function createLogger(sink: Sink = consoleSink): Logger {
  const write = (level: Level) => (fields: LogFields) => sink(level, JSON.stringify(clean(fields)));
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
