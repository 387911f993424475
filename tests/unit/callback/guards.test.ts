import { describe, expect, it } from 'vitest';
import { bodyKind, isCrossSite, isPost } from '../../../src/leads/intake/guards.ts';
import { sameOriginPath, formPagePath } from '../../../src/leads/intake/page-path.ts';
import { readBody } from '../../../src/leads/intake/read-body.ts';

const URL_ = 'https://site.example/api/callback';

describe('isPost', () => {
  it.each([
    ['POST', true],
    ['post', true],
    ['GET', false],
    ['PUT', false],
    ['OPTIONS', false],
    ['HEAD', false],
  ])('%s → %s', (method, expected) => {
    expect(isPost(method)).toBe(expected);
  });
});

describe('isCrossSite', () => {
  it.each([
    ['no browser headers (curl)', {}, false],
    ['same-origin fetch', { 'sec-fetch-site': 'same-origin', origin: 'https://site.example' }, false],
    ['matching Origin only', { origin: 'https://site.example' }, false],
    ['Origin with default port', { origin: 'https://site.example:443' }, false],
    ['Sec-Fetch-Site: none (typed address)', { 'sec-fetch-site': 'none' }, false],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }, true],
    ['Sec-Fetch-Site: Cross-Site', { 'sec-fetch-site': 'Cross-Site' }, true],
    [
      'cross-site despite a matching Origin',
      { 'sec-fetch-site': 'cross-site', origin: 'https://site.example' },
      true,
    ],
    ['another origin', { origin: 'https://evil.example' }, true],
    ['a sibling subdomain', { 'sec-fetch-site': 'same-site', origin: 'https://www.site.example' }, true],
    ['http instead of https', { origin: 'http://site.example' }, true],
    ['another port', { origin: 'https://site.example:8443' }, true],
    ['an unparsable Origin', { origin: 'not a url' }, true],
    ['Origin null with no fetch metadata', { origin: 'null' }, true],
    ['Origin null from a cross-site frame', { origin: 'null', 'sec-fetch-site': 'cross-site' }, true],
    [
      'Origin null on a same-origin post (no-referrer page)',
      { origin: 'null', 'sec-fetch-site': 'same-origin' },
      false,
    ],
  ])('%s → %s', (_, headers, expected) => {
    expect(isCrossSite(new Headers(headers), URL_)).toBe(expected);
  });
});

describe('bodyKind', () => {
  it.each([
    ['application/x-www-form-urlencoded', 'form'],
    ['Application/X-WWW-Form-Urlencoded', 'form'],
    ['application/x-www-form-urlencoded; charset=UTF-8', 'form'],
    ['application/json', 'json'],
    ['application/json;charset=utf-8', 'json'],
    ['application/json; charset="utf-8"', 'json'],
    ['application/json; charset=iso-8859-1', null],
    ['text/plain', null],
    ['multipart/form-data; boundary=x', null],
    ['application/jsonx', null],
    ['application/ld+json', null],
    ['', null],
    [null, null],
  ])('%j → %j', (contentType, expected) => {
    expect(bodyKind(contentType)).toBe(expected);
  });
});

describe('readBody', () => {
  const stream = (chunks: Uint8Array[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });

  it('reads up to the limit exactly', async () => {
    const result = await readBody(stream([new Uint8Array(10), new Uint8Array(6)]), null, 16);
    expect(result.ok && result.bytes.length).toBe(16);
  });

  it('counts bytes, not characters', async () => {
    const text = new TextEncoder().encode('é'.repeat(9)); // 18 bytes, 9 characters
    expect(await readBody(stream([text]), null, 16)).toEqual({ ok: false, problem: 'too_large' });
  });

  it('refuses a body longer than its Content-Length claimed', async () => {
    expect(await readBody(stream([new Uint8Array(20)]), '5', 16)).toEqual({
      ok: false,
      problem: 'too_large',
    });
  });

  it('refuses a large Content-Length without reading', async () => {
    let pulled = false;
    const body = new ReadableStream<Uint8Array>({
      pull() {
        pulled = true;
      },
    });
    expect(await readBody(body, '17', 16)).toEqual({ ok: false, problem: 'too_large' });
    expect(pulled).toBe(false);
  });

  it('reports a body that breaks off', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(3));
        controller.error(new Error('connection reset'));
      },
    });
    expect(await readBody(body, null, 16)).toEqual({ ok: false, problem: 'unreadable' });
  });

  it('reads no body as empty', async () => {
    const result = await readBody(null, null, 16);
    expect(result.ok && result.bytes.length).toBe(0);
  });
});

describe('page paths', () => {
  const origin = 'https://site.example';
  it.each([
    ['/programs/outpatient/', '/programs/outpatient/'],
    ['/callback/?name=Sam&phone=1#top', '/callback/'],
    ['https://site.example/x/?q=1', '/x/'],
    ['https://evil.example/x/', null],
    ['//evil.example/x/', null],
    ['\\\\evil.example/x/', null],
    ['javascript:alert(1)', null],
    ['/' + 'a'.repeat(300), null],
    ['', null],
    [undefined, null],
  ])('%j → %j', (candidate, expected) => {
    expect(sameOriginPath(candidate, origin)).toBe(expected);
  });

  it('prefers the page field, then the Referer', () => {
    expect(formPagePath('/a/', 'https://site.example/b/', origin)).toBe('/a/');
    expect(formPagePath(undefined, 'https://site.example/b/?x=1', origin)).toBe('/b/');
    expect(formPagePath('https://evil.example/', 'https://site.example/b/', origin)).toBe('/b/');
    expect(formPagePath(undefined, 'https://evil.example/b/', origin)).toBeNull();
  });
});
