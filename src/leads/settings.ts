/**
 * The callback's settings, read from the environment (Netlify.env or process.env).
 * Only names of settings are ever logged, never their values.
 */
import { isProductionBuild } from '../lib/placeholders.ts';
import type { SettingName } from './log.ts';
import { DEFAULT_RATE_LIMIT } from './rate-limit.ts';

export type ReadEnv = (name: string) => string | undefined;

/** Settings as a deployed function sees them: Netlify.env first, then process.env (local runs, tests). */
export const readFunctionEnv: ReadEnv = (name) =>
  (typeof Netlify === 'undefined' ? undefined : Netlify.env.get(name)) ?? process.env[name];

export interface CallbackSettings {
  /** Netlify production deploy or NODE_ENV=production: no development fallbacks. */
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

export function readSettings(env: ReadEnv): CallbackSettings {
  const ignored: SettingName[] = [];
  const rawLimit = env('CALLBACK_RATE_LIMIT')?.trim();
  let rateLimit = DEFAULT_RATE_LIMIT;
  if (rawLimit) {
    if (/^\d{1,6}$/.test(rawLimit) && Number(rawLimit) >= 1) rateLimit = Number(rawLimit);
    else ignored.push('CALLBACK_RATE_LIMIT');
  }
  return {
    production: isProductionBuild({ CONTEXT: env('CONTEXT'), NODE_ENV: env('NODE_ENV') }),
    encryptionKey: env('LEAD_ENCRYPTION_KEY')?.trim() || undefined,
    rateLimit,
    devStateDir: env('LEAD_DEV_STATE_DIR')?.trim() || DEFAULT_DEV_STATE_DIR,
    ignored,
  };
}
