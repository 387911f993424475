import { describe, expect, it } from 'vitest';
import { grade, scan } from '../../../src/lib/observatory.ts';
import { SECURITY_HEADERS } from '../../../src/lib/security-headers.ts';

const strictCsp =
  "default-src 'none'; script-src 'self' 'sha256-abc='; style-src 'self'; frame-ancestors 'none'";
const good: Record<string, string> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': strictCsp,
  'Content-Type': 'text/html',
};
const result = (headers: Record<string, string>, test: string, html?: string) =>
  scan({ headers, ...(html === undefined ? {} : { html }) }).tests.find((t) => t.test === test);

describe('Observatory tests', () => {
  it.each([
    [{}, 'csp-not-implemented', -25],
    [{ 'Content-Security-Policy': "default-src 'self'" }, 'csp-implemented-with-no-unsafe', 5],
    [{ 'Content-Security-Policy': strictCsp }, 'csp-implemented-with-no-unsafe-default-src-none', 10],
    [
      { 'Content-Security-Policy': "default-src 'self'; script-src 'unsafe-inline'" },
      'csp-implemented-with-unsafe-inline',
      -20,
    ],
    [{ 'Content-Security-Policy': "script-src 'self'" }, 'csp-implemented-with-unsafe-inline', -20],
    [
      { 'Content-Security-Policy': "default-src 'self'; script-src 'self' 'unsafe-eval'" },
      'csp-implemented-with-unsafe-eval',
      -10,
    ],
    [
      { 'Content-Security-Policy': "default-src 'self'; style-src 'self' 'unsafe-inline'" },
      'csp-implemented-with-unsafe-inline-in-style-src-only',
      0,
    ],
  ])('CSP %j -> %s', (headers, expected, modifier) => {
    expect(result(headers, 'content-security-policy')).toMatchObject({ result: expected, modifier });
  });

  it.each([
    [
      'referrer-policy',
      { 'Referrer-Policy': 'strict-origin-when-cross-origin' },
      'referrer-policy-private',
      5,
    ],
    ['referrer-policy', { 'Referrer-Policy': 'unsafe-url' }, 'referrer-policy-unsafe', -5],
    ['referrer-policy', {}, 'referrer-policy-not-implemented', 0],
    ['strict-transport-security', {}, 'hsts-not-implemented', -20],
    [
      'strict-transport-security',
      { 'Strict-Transport-Security': 'max-age=300' },
      'hsts-implemented-max-age-less-than-six-months',
      -10,
    ],
    ['x-content-type-options', {}, 'x-content-type-options-not-implemented', -5],
    ['x-frame-options', { 'X-Frame-Options': 'DENY' }, 'x-frame-options-sameorigin-or-deny', 0],
    [
      'x-frame-options',
      { 'Content-Security-Policy': "frame-ancestors 'none'" },
      'x-frame-options-implemented-via-csp',
      5,
    ],
    ['x-frame-options', {}, 'x-frame-options-not-implemented', -20],
    ['cookies', { 'Set-Cookie': 'a=b' }, 'cookies-without-secure-flag', -20],
    [
      'cross-origin-resource-sharing',
      { 'Access-Control-Allow-Origin': '*' },
      'cross-origin-resource-sharing-implemented-with-universal-access',
      -50,
    ],
    [
      'cross-origin-resource-policy',
      { 'Cross-Origin-Resource-Policy': 'cross-origin' },
      'corp-implemented-with-cross-origin',
      -20,
    ],
  ])('%s %j -> %s', (test, headers, expected, modifier) => {
    expect(result(headers, test)).toMatchObject({ result: expected, modifier });
  });

  it.each([
    ['<p>no scripts</p>', 'sri-not-implemented-but-no-scripts-loaded', 0],
    [
      '<script type="module" src="/_astro/a.js"></script>',
      'sri-not-implemented-but-all-scripts-loaded-from-secure-origin',
      0,
    ],
    [
      '<script type="module" src="/_astro/a.js" integrity="sha384-x"></script>',
      'sri-implemented-and-all-scripts-loaded-securely',
      5,
    ],
    [
      '<script src="https://cdn.example/x.js"></script>',
      'sri-not-implemented-but-external-scripts-loaded-securely',
      -5,
    ],
  ])('SRI for %s', (html, expected, modifier) => {
    expect(result({ 'Content-Type': 'text/html' }, 'subresource-integrity', html)).toMatchObject({
      result: expected,
      modifier,
    });
  });
});

describe('score and grade', () => {
  it('gives our header set A+ with every bonus a local scan can see', () => {
    const { score, grade: letter } = scan({ headers: good, html: '<p></p>' });
    expect(letter).toBe('A+');
    expect(score).toBe(120);
  });

  it('adds bonuses only to a score of 90 or more', () => {
    // -20 for no HSTS leaves 80, so the CSP and referrer bonuses do not count.
    const withoutHsts = Object.fromEntries(
      Object.entries(good).filter(([name]) => name !== 'Strict-Transport-Security'),
    );
    expect(scan({ headers: withoutHsts }).score).toBe(80);
  });

  it.each([
    [135, 'A+'],
    [100, 'A+'],
    [95, 'A'],
    [85, 'A-'],
    [72, 'B'],
    [10, 'F'],
  ])('%i -> %s', (score, letter) => expect(grade(score)).toBe(letter));
});
