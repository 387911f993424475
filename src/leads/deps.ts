/**
 * Wires the pipeline to the real world from settings: Blobs stores, the key, the logger.
 * Kept out of the function file so the function only translates HTTP, and out of the
 * handler so tests can hand it any store or clock.
 */
import { PROGRAM_SLUGS } from '../callback/programs.ts';
import type { CallbackDeps, KeyState } from './handler.ts';
import { resolveKeyState } from './key-state.ts';
import { createLogger, type Logger } from './log.ts';
import { createRateLimiter } from './rate-limit.ts';
import { readSettings, type ReadEnv } from './settings.ts';
import { createLeadStore } from './store.ts';

/**
 * First delivery attempt after a lead is stored. No channels exist yet: the delivery
 * work replaces this (and `CHANNELS`) with the real attempt.
 */
export const afterStore = async (_leadId: string): Promise<void> => {};
export const CHANNELS: readonly string[] = [];

const log = createLogger();
const keyStates = new Map<string, Promise<KeyState>>();
const reported = new Set<string>();

export async function depsFromEnv(
  env: ReadEnv,
  logger: Logger = log,
): Promise<Omit<CallbackDeps, 'waitUntil'>> {
  const settings = readSettings(env);
  for (const setting of settings.ignored) {
    if (reported.has(setting)) continue;
    reported.add(setting);
    logger.warn({ event: 'config.error', outcome: 'warning', reason: 'invalid_setting', setting });
  }
  // One key import per worker and key, not one per request.
  const cacheKey = JSON.stringify([settings.encryptionKey, settings.production, settings.devStateDir]);
  let keys = keyStates.get(cacheKey);
  if (!keys) keyStates.set(cacheKey, (keys = resolveKeyState(settings, logger)));
  return {
    keys: await keys,
    leads: createLeadStore(),
    limiter: createRateLimiter({ limit: settings.rateLimit }),
    log: logger,
    programSlugs: PROGRAM_SLUGS,
    channels: CHANNELS,
    afterStore,
  };
}
