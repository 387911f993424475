import { expect, test, type APIResponse } from '@playwright/test';
import { SECURITY_HEADERS, parseCsp } from '../../src/lib/security-headers.ts';
import { sitemapPaths } from './support/sitemap.ts';

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(headers[name.toLowerCase()], `${what}: ${name}`).toBe(value);
  }
  expect(headers['set-cookie'], `${what}: no cookie`).toBeUndefined();
  const csp = parseCsp(headers['content-security-policy'] ?? '');
  expect(csp.get('frame-ancestors'), `${what}: frame-ancestors`).toEqual(["'none'"]);
  expect(csp.get('default-src'), `${what}: default-src`).toEqual(["'none'"]);
  for (const sources of csp.values()) {
    expect(sources, `${what}: CSP`).not.toContain("'unsafe-inline'");
    expect(sources, `${what}: CSP`).not.toContain("'unsafe-eval'");
  }
}

test('every page, the 404 and a bundled asset are served with the security headers', async ({ request }) => {
  const paths = [...(await sitemapPaths(request)), '/callback/thanks/', '/callback/busy/'];
  for (const path of paths) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expectSecurityHeaders(response, path);
    const csp = parseCsp(response.headers()['content-security-policy']!);
    for (const name of ['form-action', 'base-uri'])
      expect(csp.get(name), `${path}: ${name}`).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.has('upgrade-insecure-requests'), path).toBe(true);
  }
  const missing = await request.get('/no-such-page/');
  expect(missing.status()).toBe(404);
  expectSecurityHeaders(missing, '404');

  const html = await (await request.get('/callback/')).text();
  const asset = /src="(\/_astro\/[^"]+\.js)"/.exec(html)![1]!;
  const assetResponse = await request.get(asset);
  expect(assetResponse.status()).toBe(200);
  expectSecurityHeaders(assetResponse, asset);
});

test.describe('the callback function answers with the same headers', () => {
  const cases = [
    ['accepted (JSON)', { data: { name: 'Header Test', phone: '202-555-0164', consent: 'yes' } }, 202],
    ['invalid (JSON)', { data: { name: '', phone: '1', consent: 'yes' } }, 422],
    ['invalid (form)', { form: { name: '', phone: '1' } }, 422],
    ['wrong type', { headers: { 'content-type': 'text/plain' }, data: 'hello' }, 415],
    ['cross-site', { headers: { 'sec-fetch-site': 'cross-site' }, data: { name: 'x' } }, 403],
  ] as const;
  for (const [name, options, status] of cases) {
    test(name, async ({ request, baseURL }) => {
      const response = await request.post('/api/callback', {
        ...options,
        headers: { origin: baseURL!, ...('headers' in options ? options.headers : {}) },
      });
      expect(response.status()).toBe(status);
      expectSecurityHeaders(response, `${name} answer`);
      expect(response.headers()['cache-control']).toBe('no-store');
    });
  }

  test('other methods', async ({ request }) => {
    const response = await request.get('/api/callback');
    expect(response.status()).toBe(405);
    expect(response.headers()['allow']).toBe('POST');
    expectSecurityHeaders(response, '405 answer');
  });
});
