/**
 * What `npm start`'s server does when answering a request fails: a bare 500 for the
 * browser, and one line for the terminal that says what kind of failure it was.
 *
 * Neither may carry request data. An error's message, stack and causes can quote a
 * request body or a form field (a name, a phone number), so the line has the error's
 * class name and, when it is a plain Node error code such as ECONNRESET, that code:
 * nothing else. There is deliberately no switch that prints more.
 */
import type { ServerResponse } from 'node:http';
import { constants } from 'node:os';
import { errorName } from '../../src/leads/runtime/log.ts';

/** Node's own codes: the system's errno names (ECONNRESET) and Node's ERR_ codes. */
const isNodeCode = (code: unknown): code is string =>
  typeof code === 'string' && (Object.hasOwn(constants.errno, code) || /^ERR_[A-Z0-9_]{2,60}$/.test(code));

export function serveErrorLine(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const safeCode = isNodeCode(code) ? ` ${code}` : '';
  return `serve: a request failed and was answered 500 (${errorName(error)}${safeCode})`;
}

export function answerFailure(
  res: ServerResponse,
  error: unknown,
  print: (line: string) => void = (line) => console.error(line),
): void {
  print(serveErrorLine(error));
  // Never echo the error: it could carry request data. The function logs by lead id.
  if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Internal error');
}
