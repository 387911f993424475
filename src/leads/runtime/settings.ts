/**
 * The callback's settings, read from the environment (Netlify.env or process.env).
 * Only names of settings are ever logged, never their values.
 */
import type { SettingName } from './log.ts';
import { DEFAULT_RATE_LIMIT } from '../intake/rate-limit.ts';
import { isProductionRuntime } from './runtime-mode.ts';

export type ReadEnv = (name: string) => string | undefined;

/** Settings as a deployed function sees them: Netlify.env first, then process.env (local runs, tests). */
export const readFunctionEnv: ReadEnv = (name) =>
  (typeof Netlify === 'undefined' ? undefined : Netlify.env.get(name)) ?? process.env[name];

/**
 * The highest CALLBACK_RATE_LIMIT accepted. Netlify's own limit in front of the function
 * (`config.rateLimit` in netlify/functions/callback.mts, a literal the bundler reads) is
 * a sliding 60 s window of twice this; ours counts whole minutes, so one client can be
 * allowed up to twice its limit within 60 s across a minute boundary. Kept at half,
 * Netlify's limit never stops a client that ours lets through: CALLBACK_RATE_LIMIT alone
 * decides what a visitor meets, and Netlify's only meets floods. Only where Netlify's
 * limit exists (production): locally a higher value is accepted, as the browser tests,
 * all from one address, need.
 */
export const MAX_RATE_LIMIT = 30;

export interface CallbackSettings {
  /** Deployed (see ./runtime-mode.ts) or NODE_ENV=production: no development fallbacks. */
  production: boolean;
  encryptionKey: string | undefined;
  /** Requests a minute from one client. */
  rateLimit: number;
  /** Where the local server keeps state, including the development key. */
  devStateDir: string;
  /** Settings present but unusable, left at their defaults. */
  ignored: SettingName[];
}

export const DEFAULT_DEV_STATE_DIR = '.netlify/dev-state';

/** `deployContext`: Netlify's `context.deploy.context` for this call, when there is one. */
export function readSettings(env: ReadEnv, deployContext?: string): CallbackSettings {
  const ignored: SettingName[] = [];
  const production = isProductionRuntime(env, deployContext);
  const rawLimit = env('CALLBACK_RATE_LIMIT')?.trim();
  let rateLimit = DEFAULT_RATE_LIMIT;
  if (rawLimit) {
    const limit = /^\d{1,6}$/.test(rawLimit) ? Number(rawLimit) : 0;
    if (limit >= 1 && (limit <= MAX_RATE_LIMIT || !production)) rateLimit = limit;
    else ignored.push('CALLBACK_RATE_LIMIT');
  }
  return {
    production,
    encryptionKey: env('LEAD_ENCRYPTION_KEY')?.trim() || undefined,
    rateLimit,
    devStateDir: env('LEAD_DEV_STATE_DIR')?.trim() || DEFAULT_DEV_STATE_DIR,
    ignored,
  };
}
