/**
 * The audit's HTTP-to-HTTPS check against a real node:http server on 127.0.0.1, playing
 * the deployed host's plain-HTTP side.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkHttpsRedirect } from '../../../scripts/support/https-redirect.ts';
import { closedPort } from '../callback/support/blobs.ts';

/** path -> [status, Location]; a path not listed answers 200. */
let routes: Record<string, [number, string]> = {};
const asked: string[] = [];
let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    const route = routes[req.url ?? ''];
    if (route) res.writeHead(route[0], { location: route[1] }).end();
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>plain</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  routes = {};
  asked.length = 0;
});

const here = () => `127.0.0.1:${port}`;

describe('checkHttpsRedirect', () => {
  it.each([
    [
      'a redirect to https on the same host',
      () => ({ '/': [301, `https://${here()}/`] }),
      'redirection-to-https',
      true,
    ],
    [
      'a 308 to https on the default port',
      () => ({ '/': [308, 'https://127.0.0.1/'] }),
      'redirection-to-https',
      true,
    ],
    ['no redirect at all', () => ({}), 'redirection-missing', false],
    ['a redirect that stays on http', () => ({ '/': [301, '/home'] }), 'redirection-not-to-https', false],
    [
      'https only after a first hop on http',
      () => ({ '/': [302, '/step'], '/step': [301, `https://${here()}/`] }),
      'redirection-not-to-https-on-initial-redirection',
      false,
    ],
    [
      'a first redirect to another host',
      () => ({ '/': [301, 'https://elsewhere.example/'] }),
      'redirection-off-host-from-http',
      false,
    ],
    ['a redirect loop on http', () => ({ '/': [301, '/'] }), 'redirection-not-to-https', false],
  ] as const)('%s', async (_, table, finding, passes) => {
    routes = table() as Record<string, [number, string]>;
    // The audit is given the https:// address; the check asks the same host over http://.
    const result = await checkHttpsRedirect(`https://${here()}/some/page/`);
    expect(result).toMatchObject({ finding, redirectsToHttps: passes });
    expect(result.chain[0]).toBe(`http://${here()}/`);
    expect(asked[0]).toBe('GET /');
  });

  it('a host that does not answer plain HTTP needs no redirect', async () => {
    const result = await checkHttpsRedirect(`https://127.0.0.1:${await closedPort()}`);
    expect(result).toMatchObject({ finding: 'redirection-not-needed-no-http', redirectsToHttps: true });
  });
});
