/**
 * Turns a network failure (fetch, sockets, nodemailer) into one of our short codes. Only
 * the error's `name` and `code` are read, never its message: messages can quote addresses.
 */
import type { DeliveryCode } from './codes.ts';

const TIMEOUT = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const CONNECTION = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNECTION',
  'ESOCKET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

function field(error: unknown, key: 'name' | 'code'): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/** The codes of the error and its causes, outermost first. */
function codes(error: unknown): string[] {
  const found: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = field(current, 'code');
    if (code) found.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return found;
}

export function networkCode(error: unknown): DeliveryCode {
  const name = field(error, 'name');
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  for (const code of codes(error)) {
    if (TIMEOUT.has(code)) return 'timeout';
    if (code.startsWith('ERR_TLS') || code.includes('CERT') || code === 'ERR_SSL_WRONG_VERSION_NUMBER')
      return 'tls';
    if (CONNECTION.has(code)) return 'connection';
  }
  // undici reports every transport failure as a TypeError("fetch failed").
  return name === 'TypeError' ? 'connection' : 'unexpected';
}
