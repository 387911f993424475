/**
 * The rule that decides production-strict at run time, and where the function files
 * find the deploy context (the call's context, else the Netlify global).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deployContextOf } from '../../../src/lib/deploy-context.ts';
import { isProductionRuntime } from '../../../src/leads/runtime/runtime-mode.ts';

type Env = Record<string, string>;

describe('isProductionRuntime', () => {
  it.each<[string, string | undefined, Env, boolean]>([
    ['a production deploy', 'production', {}, true],
    ['a deploy preview', 'deploy-preview', {}, true],
    ['a branch deploy', 'branch-deploy', {}, true],
    ['a branch-named context', 'staging', {}, true],
    ['deployed, even with CONTEXT=dev left in the environment', 'production', { CONTEXT: 'dev' }, true],
    [
      'npm start (@netlify/dev 5.1.3: empty context, CONTEXT=dev, NETLIFY_LOCAL)',
      '',
      { CONTEXT: 'dev', NETLIFY_LOCAL: 'true' },
      false,
    ],
    ['netlify-cli ("dev")', 'dev', { NETLIFY_LOCAL: 'true' }, false],
    ['tests: no context, nothing set', undefined, {}, false],
    ['NODE_ENV=production', undefined, { NODE_ENV: 'production' }, true],
    ['CONTEXT=production', '', { CONTEXT: 'production' }, true],
    ['"dev" does not outvote NODE_ENV=production', 'dev', { NODE_ENV: 'production' }, true],
    [
      'SITE_ID without NETLIFY_LOCAL: a deployed function called without a context',
      undefined,
      { SITE_ID: 'abc' },
      true,
    ],
    [
      'a "dev" context on a deployed function (a forged header) stays strict',
      'dev',
      { SITE_ID: 'abc' },
      true,
    ],
    ['SITE_ID of a linked site under npm start', '', { SITE_ID: 'abc', NETLIFY_LOCAL: 'true' }, false],
    ['a blank SITE_ID says nothing', undefined, { SITE_ID: ' ' }, false],
  ])('%s (deploy context %j)', (_, deployContext, env, expected) => {
    expect(isProductionRuntime((name) => env[name], deployContext)).toBe(expected);
  });
});

describe('deployContextOf', () => {
  const global = globalThis as { Netlify?: unknown };
  afterEach(() => {
    delete global.Netlify;
  });

  it.each<[string, Parameters<typeof deployContextOf>[0], unknown, string | undefined]>([
    ["the call's context", { deploy: { context: 'deploy-preview' } }, undefined, 'deploy-preview'],
    ['no context, no global (tests)', undefined, undefined, undefined],
    ['an empty context (@netlify/dev)', { deploy: { context: '' } }, undefined, undefined],
    [
      'the Netlify global when the call has none',
      undefined,
      { context: { deploy: { context: 'production' } } },
      'production',
    ],
    ['the global with no request context', {}, { context: null }, undefined],
    [
      "the call's context before the global",
      { deploy: { context: 'branch-deploy' } },
      { context: { deploy: { context: 'production' } } },
      'branch-deploy',
    ],
  ])('%s', (_, context, netlify, expected) => {
    if (netlify !== undefined) global.Netlify = netlify;
    expect(deployContextOf(context)).toBe(expected);
  });
});
