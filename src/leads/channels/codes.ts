/**
 * Short failure codes a channel reports. They go into lead metadata (`lastError`), log
 * lines and alerts, so they are a closed set we write ourselves: never a server's reply
 * text, which could quote an address back at us.
 */
const FIXED = [
  /** No answer in time. */
  'timeout',
  /** Could not connect, or the connection dropped. */
  'connection',
  /** TLS could not be set up or the certificate was refused. */
  'tls',
  /** The SMTP server refused the login. */
  'auth',
  /** Every recipient was refused. */
  'rejected',
  /** The lead could not be opened (another key, or damaged). */
  'unreadable',
  /** A local file could not be written (inbox). */
  'io',
  /** Anything else. */
  'unexpected',
] as const;

export type DeliveryCode = (typeof FIXED)[number] | `http_${number}` | `smtp_${number}`;

const PATTERN = /^(?:http_[1-5]\d\d|smtp_[2-5]\d\d)$/;

export function isDeliveryCode(value: string): value is DeliveryCode {
  return (FIXED as readonly string[]).includes(value) || PATTERN.test(value);
}

export const httpCode = (status: number): DeliveryCode =>
  Number.isInteger(status) && status >= 100 && status <= 599 ? `http_${status}` : 'unexpected';

export const smtpCode = (responseCode: unknown): DeliveryCode | null =>
  typeof responseCode === 'number' &&
  Number.isInteger(responseCode) &&
  responseCode >= 200 &&
  responseCode <= 599
    ? `smtp_${responseCode}`
    : null;
