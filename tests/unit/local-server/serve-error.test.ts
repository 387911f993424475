/**
 * `npm start`'s server when answering a request fails: the browser gets a bare 500 and
 * the terminal one line, and neither carries anything from the request.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFailure, serveErrorLine } from '../../../scripts/support/serve-error.ts';
import { SECRETS, VALID } from '../callback/support/fixtures.ts';

/** Errors of the shapes a failing request can raise, each quoting the lead it carried. */
const quoting = `name=${VALID.name}&phone=${VALID.phone}&email=${VALID.email}`;
const ERRORS: [string, unknown, string][] = [
  ['an Error quoting the body', new Error(`could not parse ${quoting}`), 'Error'],
  [
    'a TypeError with a cause quoting it',
    new TypeError('bad request', { cause: new Error(quoting) }),
    'TypeError',
  ],
  [
    'a Node error with a system code',
    Object.assign(new Error(`socket closed while sending ${quoting}`), { code: 'ECONNRESET' }),
    'Error ECONNRESET',
  ],
  [
    'a Node error with an ERR_ code',
    Object.assign(new Error(quoting), { code: 'ERR_STREAM_PREMATURE_CLOSE' }),
    'Error ERR_STREAM_PREMATURE_CLOSE',
  ],
  ['a code that is request data', Object.assign(new Error('x'), { code: VALID.email }), 'Error'],
  ['a class name that is request data', Object.assign(new Error('x'), { name: VALID.name }), 'Error'],
  ['a thrown string', quoting, 'Error'],
  ['a thrown object', { body: quoting }, 'Error'],
];

let server: Server;
let url = '';
let failWith: unknown;
const printed: string[] = [];
beforeAll(async () => {
  server = createServer((_req, res) => answerFailure(res, failWith, (line) => printed.push(line)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/callback`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe.each(ERRORS)('%s', (_, error, kind) => {
  it('prints only what kind of failure it was', () => {
    const line = serveErrorLine(error);
    expect(line).toBe(`serve: a request failed and was answered 500 (${kind})`);
    for (const secret of SECRETS) expect(line).not.toContain(secret);
  });

  it('answers a bare 500 over HTTP and prints one safe line', async () => {
    failWith = error;
    printed.length = 0;
    const response = await fetch(url, { method: 'POST', body: quoting });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('Internal error');
    expect(printed).toEqual([serveErrorLine(error)]);
  });
});

it('serve.ts answers every failed request through answerFailure, with no switch to print more', async () => {
  const source = await readFile(new URL('../../../scripts/serve.ts', import.meta.url), 'utf8');
  expect(source).toContain('handle(req, res).catch((error: unknown) => answerFailure(res, error));');
  expect(source).not.toMatch(/console\.(error|warn|info|log)\(error/);
  expect(source).not.toContain('DEBUG_SERVE');
});
