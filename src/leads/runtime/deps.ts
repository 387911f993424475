/**
 * Wires the pipeline to the real world from settings: Blobs stores, the key, the logger,
 * the delivery channels. Kept out of the function files so they only translate HTTP (or
 * a schedule), and out of the handler and sweeper so tests can hand them any store,
 * channel or clock.
 */
import { PROGRAM_SLUGS } from '../../callback/programs.ts';
import { INSURER_SLUGS } from '../kinds/insurance/insurers.ts';
import { channelsFromSettings } from '../delivery/channels.ts';
import { deliverLead } from '../delivery/deliver-lead.ts';
import type { DeliveryDeps } from '../delivery/deps.ts';
import {
  channelNames,
  missingChannelSettings,
  readDeliverySettings,
  type DeliverySettings,
} from '../delivery/settings.ts';
import type { CallbackDeps, KeyState } from '../intake/handler.ts';
import { resolveKeyState } from '../storage/key-state.ts';
import { createLogger, type Logger } from './log.ts';
import { createRateLimiter } from '../intake/rate-limit.ts';
import { readSettings, type CallbackSettings, type ReadEnv } from './settings.ts';
import { createLeadStore } from '../storage/store.ts';

const log = createLogger();
const keyStates = new Map<string, Promise<KeyState>>();
const reported = new Set<string>();

/** Says once per worker which settings are unusable (by name, never by value). */
function reportOnce(key: string, write: () => void): void {
  if (reported.has(key)) return;
  reported.add(key);
  write();
}

async function keysFromSettings(settings: CallbackSettings, logger: Logger): Promise<KeyState> {
  for (const setting of settings.ignored) {
    reportOnce(setting, () =>
      logger.warn({ event: 'config.error', outcome: 'warning', reason: 'invalid_setting', setting }),
    );
  }
  // One key import per worker and key, not one per request.
  const cacheKey = JSON.stringify([settings.encryptionKey, settings.production, settings.devStateDir]);
  let keys = keyStates.get(cacheKey);
  if (!keys) keyStates.set(cacheKey, (keys = resolveKeyState(settings, logger)));
  return keys;
}

function deliverySettingsFromEnv(env: ReadEnv, logger: Logger, production: boolean): DeliverySettings {
  const settings = readDeliverySettings(env, production);
  for (const { setting, problem } of settings.problems) {
    reportOnce(`${setting}:${problem}`, () =>
      logger.error({ event: 'config.error', outcome: 'failed', reason: problem, setting }),
    );
  }
  return settings;
}

export interface SweepSetup {
  deps: DeliveryDeps | null;
  settings: DeliverySettings;
  keys: KeyState;
  /** The callback's own settings, read once with the delivery settings. */
  callback: CallbackSettings;
}

/**
 * What the sweeper needs; `deps` is null when there is no usable key (logged by name).
 * `deployContext`: Netlify's `context.deploy.context` for this call (see ./runtime-mode.ts).
 */
export async function deliveryDepsFromEnv(
  env: ReadEnv,
  logger: Logger = log,
  deployContext?: string,
): Promise<SweepSetup> {
  const callback = readSettings(env, deployContext);
  const keys = await keysFromSettings(callback, logger);
  const settings = deliverySettingsFromEnv(env, logger, callback.production);
  const deps = keys.ok
    ? {
        leads: createLeadStore(),
        keys: keys.keys,
        channels: channelsFromSettings(settings, logger),
        log: logger,
      }
    : null;
  return { deps, settings, keys, callback };
}

export async function depsFromEnv(
  env: ReadEnv,
  logger: Logger = log,
  deployContext?: string,
): Promise<Omit<CallbackDeps, 'waitUntil'>> {
  const { deps: delivery, keys, settings, callback } = await deliveryDepsFromEnv(env, logger, deployContext);
  const leads = delivery?.leads ?? createLeadStore();
  // Production stores nothing nobody will read: no channel, and the visitor is asked to call.
  const noChannel =
    settings.production && channelNames(settings).length === 0 ? missingChannelSettings(settings) : undefined;
  return {
    keys,
    leads,
    limiter: createRateLimiter({ limit: callback.rateLimit }),
    ...(noChannel && { noChannel }),
    log: logger,
    programSlugs: PROGRAM_SLUGS,
    insurerSlugs: INSURER_SLUGS,
    channels: delivery ? delivery.channels.map((channel) => channel.name) : [],
    // The first attempt, right after the lead is stored (through context.waitUntil).
    afterStore: async (leadId, etag) => {
      if (delivery && delivery.channels.length > 0) await deliverLead(delivery, leadId, { listedEtag: etag });
    },
  };
}
