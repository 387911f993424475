/**
 * Requests, keys, loggers and dependencies for the callback tests.
 */
import type { CallbackDeps } from '../../../../src/leads/intake/handler.ts';
import { importLeadKeys, type LeadKeys } from '../../../../src/leads/storage/lead-key.ts';
import { createLogger, type Logger } from '../../../../src/leads/runtime/log.ts';
import { createRateLimiter } from '../../../../src/leads/intake/rate-limit.ts';
import { createLeadStore, type LeadStore } from '../../../../src/leads/storage/store.ts';

export const ORIGIN = 'https://absolute-awakenings.example';
export const ENDPOINT = `${ORIGIN}/api/callback`;

/** A complete, valid submission whose values are easy to search for. */
export const VALID = {
  name: 'Marisol Quintanilla-Björk',
  phone: '(415) 555-2671',
  email: 'marisol.quintanilla@example.org',
  callTime: 'evening',
  forWhom: 'loved-one',
  program: 'outpatient',
  voicemail: 'yes',
  texts: 'yes',
  consent: 'yes',
  page: '/programs/outpatient/',
} as const;

/** Strings that must never appear in storage, answers or logs. */
export const SECRETS = [
  'Marisol',
  'Quintanilla',
  'Björk',
  '4155552671',
  '555-2671',
  'marisol.quintanilla',
  'example.org',
];

export type Encoding = 'form' | 'json';
export const ENCODINGS: Encoding[] = ['form', 'json'];

export function encodeFields(
  encoding: Encoding,
  fields: Record<string, unknown>,
): { body: string; contentType: string } {
  if (encoding === 'json') return { body: JSON.stringify(fields), contentType: 'application/json' };
  const body = Object.entries(fields)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return { body, contentType: 'application/x-www-form-urlencoded' };
}

export function post(
  body: BodyInit | null,
  contentType: string | null,
  headers: Record<string, string> = {},
  method = 'POST',
): Request {
  const all = new Headers(headers);
  if (contentType !== null) all.set('content-type', contentType);
  return new Request(ENDPOINT, {
    method,
    body: method === 'GET' || method === 'HEAD' ? null : body,
    headers: all,
  });
}

export function submit(
  encoding: Encoding,
  fields: Record<string, unknown>,
  headers: Record<string, string> = {},
): Request {
  const { body, contentType } = encodeFields(encoding, fields);
  return post(body, contentType, { origin: ORIGIN, 'sec-fetch-site': 'same-origin', ...headers });
}

export const TEST_KEY = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i + 1)));
export const OTHER_KEY = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 200 - i)));

let keys: Promise<LeadKeys> | undefined;
export function testKeys(): Promise<LeadKeys> {
  keys ??= importLeadKeys(TEST_KEY);
  return keys;
}

export interface CapturedLog {
  logger: Logger;
  lines: string[];
  events(): Record<string, unknown>[];
}

export function captureLog(): CapturedLog {
  const lines: string[] = [];
  return {
    logger: createLogger((level, line) => lines.push(`${level} ${line}`)),
    lines,
    events: () =>
      lines.map((line) => JSON.parse(line.slice(line.indexOf(' ') + 1)) as Record<string, unknown>),
  };
}

export async function makeDeps(
  overrides: Partial<CallbackDeps> = {},
): Promise<CallbackDeps & { leads: LeadStore }> {
  return {
    keys: { ok: true, keys: await testKeys() },
    leads: createLeadStore(),
    // High enough not to interfere; the rate-limit tests set their own.
    limiter: createRateLimiter({ limit: 100_000 }),
    log: captureLog().logger,
    ...overrides,
  } as CallbackDeps & { leads: LeadStore };
}

/** A random client address, so tests do not share a rate-limit counter by accident. */
export function randomIp(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `10.${bytes[1]}.${bytes[2]}.${bytes[3]}`;
}

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
