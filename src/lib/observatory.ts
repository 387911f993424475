/**
 * Scores a response's headers with the published Mozilla HTTP Observatory rules
 * ("Tests & Scoring" on MDN): start at 100, take the penalties, and only when the
 * result is 90 or more add the bonuses. Tests that need the live internet (HSTS
 * preload list, HTTP-to-HTTPS redirection) are taken as inputs, not guessed.
 */
import { parseCsp } from './security-headers.ts';

export interface ScanInput {
  /** Response headers; names in any case. */
  headers: Record<string, string>;
  /** The response body when it is HTML, for the Subresource Integrity test. */
  html?: string;
  /** Whether the host is on the HSTS preload list (only the real list can say). */
  hstsPreloaded?: boolean;
  /** Whether plain HTTP redirects to HTTPS on the same host (Netlify does this). */
  redirectsToHttps?: boolean;
}

export interface TestResult {
  test: string;
  result: string;
  modifier: number;
}

const lower = (headers: Record<string, string>) =>
  new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v.trim()]));

const UNSAFE_SCRIPT_SOURCES = new Set(["'unsafe-inline'", 'data:', 'http:', 'https:', '*']);

function csp(h: Map<string, string>): TestResult {
  const test = 'content-security-policy';
  const header = h.get('content-security-policy');
  if (!header) return { test, result: 'csp-not-implemented', modifier: -25 };
  const policy = parseCsp(header);
  const sourcesOf = (name: string) => policy.get(name) ?? policy.get('default-src');
  const script = sourcesOf('script-src');
  const object = sourcesOf('object-src');
  const hasHashOrNonce = (script ?? []).some((s) => /^'(sha(256|384|512)-|nonce-)/.test(s));
  const unsafeScript =
    !script ||
    !object ||
    script.some((s) => UNSAFE_SCRIPT_SOURCES.has(s) && !(s === "'unsafe-inline'" && hasHashOrNonce)) ||
    object.some((s) => UNSAFE_SCRIPT_SOURCES.has(s));
  if (unsafeScript) return { test, result: 'csp-implemented-with-unsafe-inline', modifier: -20 };
  if ([...policy.values()].flat().includes("'unsafe-eval'")) {
    return { test, result: 'csp-implemented-with-unsafe-eval', modifier: -10 };
  }
  const style = sourcesOf('style-src') ?? [];
  if (style.some((s) => UNSAFE_SCRIPT_SOURCES.has(s))) {
    return { test, result: 'csp-implemented-with-unsafe-inline-in-style-src-only', modifier: 0 };
  }
  const defaultNone = policy.get('default-src')?.join(' ') === "'none'";
  return defaultNone
    ? { test, result: 'csp-implemented-with-no-unsafe-default-src-none', modifier: 10 }
    : { test, result: 'csp-implemented-with-no-unsafe', modifier: 5 };
}

function cookies(h: Map<string, string>): TestResult {
  const cookie = h.get('set-cookie');
  if (!cookie) return { test: 'cookies', result: 'cookies-not-found', modifier: 0 };
  const secure = /;\s*secure/i.test(cookie) && /;\s*httponly/i.test(cookie);
  return secure
    ? { test: 'cookies', result: 'cookies-secure-with-httponly-sessions', modifier: 0 }
    : { test: 'cookies', result: 'cookies-without-secure-flag', modifier: -20 };
}

function cors(h: Map<string, string>): TestResult {
  const test = 'cross-origin-resource-sharing';
  const allow = h.get('access-control-allow-origin');
  if (!allow) return { test, result: 'cross-origin-resource-sharing-not-implemented', modifier: 0 };
  return allow === '*'
    ? { test, result: 'cross-origin-resource-sharing-implemented-with-universal-access', modifier: -50 }
    : { test, result: 'cross-origin-resource-sharing-implemented-with-restricted-access', modifier: 0 };
}

function redirection(input: ScanInput): TestResult {
  return input.redirectsToHttps === false
    ? { test: 'redirection', result: 'redirection-missing', modifier: -20 }
    : { test: 'redirection', result: 'redirection-to-https', modifier: 0 };
}

function referrer(h: Map<string, string>): TestResult {
  const test = 'referrer-policy';
  const value = h.get('referrer-policy')?.split(',').at(-1)?.trim().toLowerCase();
  if (!value) return { test, result: 'referrer-policy-not-implemented', modifier: 0 };
  if (['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(value)) {
    return { test, result: 'referrer-policy-private', modifier: 5 };
  }
  if (['origin', 'origin-when-cross-origin', 'unsafe-url'].includes(value)) {
    return { test, result: 'referrer-policy-unsafe', modifier: -5 };
  }
  return value === 'no-referrer-when-downgrade'
    ? { test, result: 'referrer-policy-no-referrer-when-downgrade', modifier: 0 }
    : { test, result: 'referrer-policy-header-invalid', modifier: -5 };
}

function hsts(h: Map<string, string>, input: ScanInput): TestResult {
  const test = 'strict-transport-security';
  const header = h.get('strict-transport-security');
  if (!header) return { test, result: 'hsts-not-implemented', modifier: -20 };
  const maxAge = /max-age=(\d+)/i.exec(header)?.[1];
  if (!maxAge) return { test, result: 'hsts-header-invalid', modifier: -20 };
  if (input.hstsPreloaded) return { test, result: 'hsts-preloaded', modifier: 5 };
  return Number(maxAge) >= 15_768_000
    ? { test, result: 'hsts-implemented-max-age-at-least-six-months', modifier: 0 }
    : { test, result: 'hsts-implemented-max-age-less-than-six-months', modifier: -10 };
}

function sri(h: Map<string, string>, input: ScanInput): TestResult {
  const test = 'subresource-integrity';
  if (!input.html || !h.get('content-type')?.includes('text/html')) {
    return { test, result: 'sri-not-implemented-response-not-html', modifier: 0 };
  }
  const scripts = [...input.html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"[^>]*>/gi)].map((m) => m[0]);
  if (scripts.length === 0) return { test, result: 'sri-not-implemented-but-no-scripts-loaded', modifier: 0 };
  const external = scripts.filter((tag) => /\ssrc="(https?:)?\/\//i.test(tag));
  const withIntegrity = scripts.every((tag) => /\sintegrity="[^"]+"/i.test(tag));
  if (withIntegrity) {
    return external.length === 0
      ? { test, result: 'sri-implemented-and-all-scripts-loaded-securely', modifier: 5 }
      : { test, result: 'sri-implemented-and-external-scripts-loaded-securely', modifier: 5 };
  }
  return external.length === 0
    ? { test, result: 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin', modifier: 0 }
    : { test, result: 'sri-not-implemented-but-external-scripts-loaded-securely', modifier: -5 };
}

function xcto(h: Map<string, string>): TestResult {
  const test = 'x-content-type-options';
  const value = h.get('x-content-type-options');
  if (!value) return { test, result: 'x-content-type-options-not-implemented', modifier: -5 };
  return value.toLowerCase() === 'nosniff'
    ? { test, result: 'x-content-type-options-nosniff', modifier: 0 }
    : { test, result: 'x-content-type-options-header-invalid', modifier: -5 };
}

function xfo(h: Map<string, string>): TestResult {
  const test = 'x-frame-options';
  const policy = parseCsp(h.get('content-security-policy') ?? '');
  if (policy.has('frame-ancestors'))
    return { test, result: 'x-frame-options-implemented-via-csp', modifier: 5 };
  const value = h.get('x-frame-options')?.toUpperCase();
  if (!value) return { test, result: 'x-frame-options-not-implemented', modifier: -20 };
  return ['DENY', 'SAMEORIGIN'].includes(value)
    ? { test, result: 'x-frame-options-sameorigin-or-deny', modifier: 0 }
    : { test, result: 'x-frame-options-header-invalid', modifier: -20 };
}

function corp(h: Map<string, string>): TestResult {
  const test = 'cross-origin-resource-policy';
  const value = h.get('cross-origin-resource-policy')?.toLowerCase();
  if (!value) return { test, result: 'corp-not-implemented', modifier: 0 };
  if (value === 'same-origin') return { test, result: 'corp-implemented-with-same-origin', modifier: 0 };
  if (value === 'same-site') return { test, result: 'corp-implemented-with-same-site', modifier: 0 };
  return value === 'cross-origin'
    ? { test, result: 'corp-implemented-with-cross-origin', modifier: -20 }
    : { test, result: 'corp-header-invalid', modifier: -20 };
}

const GRADES: [number, string][] = [
  [100, 'A+'],
  [90, 'A'],
  [85, 'A-'],
  [80, 'B+'],
  [70, 'B'],
  [65, 'B-'],
  [60, 'C+'],
  [50, 'C'],
  [45, 'C-'],
  [40, 'D+'],
  [30, 'D'],
  [25, 'D-'],
  [0, 'F'],
];

export function grade(score: number): string {
  return GRADES.find(([min]) => score >= min)![1];
}

export function scan(input: ScanInput): { tests: TestResult[]; score: number; grade: string } {
  const h = lower(input.headers);
  const tests = [
    csp(h),
    cookies(h),
    cors(h),
    redirection(input),
    referrer(h),
    hsts(h, input),
    sri(h, input),
    xcto(h),
    xfo(h),
    corp(h),
  ];
  const penalties = tests.reduce((sum, t) => sum + Math.min(0, t.modifier), 0);
  const bonuses = tests.reduce((sum, t) => sum + Math.max(0, t.modifier), 0);
  const base = Math.max(0, 100 + penalties);
  const score = base >= 90 ? base + bonuses : base;
  return { tests, score, grade: grade(score) };
}
