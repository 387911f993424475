/**
 * Refuses a production build that could accept callback requests and then deliver them
 * nowhere, or not store them at all: no delivery channel, a half-set channel, or no
 * usable encryption key. Called from the `site-guard` integration in astro.config.mjs
 * (production builds only; Netlify runs the build for every production deploy), so the
 * deploy fails before the site goes live, naming each setting to fix.
 */
import { leadKeyProblem } from '../storage/lead-key.ts';
import { channelNames, readDeliverySettings } from './settings.ts';

type Env = Record<string, string | undefined>;

/** Every problem, one line each, naming the setting; empty when production is ready. */
export function deliveryGuardProblems(env: Env): string[] {
  const settings = readDeliverySettings((name) => env[name], true);
  const problems = settings.problems.map(
    ({ setting, problem, detail }) =>
      `${problem === 'missing_setting' ? 'missing' : 'invalid'} ${setting}: ${detail}`,
  );
  const channelProblem = settings.problems.some((problem) => problem.setting !== 'LEAD_RETENTION_DAYS');
  // A half-set channel is already named above; this is for "nothing set at all".
  if (channelNames(settings).length === 0 && !channelProblem) {
    problems.push(
      'missing ADMISSIONS_WEBHOOK_URL or SMTP_URL: no delivery channel is set. Set ADMISSIONS_WEBHOOK_URL ' +
        'and ADMISSIONS_WEBHOOK_SECRET, or SMTP_URL, ADMISSIONS_EMAIL and MAIL_FROM (or both)',
    );
  }
  const key = env['LEAD_ENCRYPTION_KEY']?.trim();
  if (!key) problems.push('missing LEAD_ENCRYPTION_KEY: base64 of 32 random bytes (openssl rand -base64 32)');
  else if (leadKeyProblem(key) !== null) problems.push(`invalid LEAD_ENCRYPTION_KEY: ${leadKeyProblem(key)}`);
  return problems;
}

export function deliveryGuardReport(problems: readonly string[]): string {
  return [
    'A production build must be able to store callback requests and deliver them to admissions.',
    'Set these environment variables (Netlify: Site configuration > Environment variables):',
    ...problems.map((problem) => `  - ${problem}`),
  ].join('\n');
}

/** Throws, naming every missing or unusable setting. For the build's `astro:build:start` hook. */
export function assertLeadDeliveryReady(env: Env): void {
  const problems = deliveryGuardProblems(env);
  if (problems.length > 0) throw new Error(deliveryGuardReport(problems));
}
