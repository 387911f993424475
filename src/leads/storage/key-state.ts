/**
 * Which encryption key this worker uses. Production without a usable key stores nothing
 * (503, and a log line naming the setting); development without one gets a persisted
 * development key and a loud warning.
 */
import type { KeyState } from '../intake/handler.ts';
import { importLeadKeys } from './lead-key.ts';
import { firstNoticeThisProcess, loadDevKey, type DevKey } from './dev-key.ts';
import { errorName, type Logger } from '../runtime/log.ts';
import type { CallbackSettings } from '../runtime/settings.ts';

let warned = false;

async function warnDevKeyOnce(devKey: DevKey, dir: string): Promise<void> {
  if (warned) return;
  warned = true;
  const first = await firstNoticeThisProcess(dir);
  if (!first && !devKey.created) return;
  console.warn(
    [
      '',
      '!!! LEAD_ENCRYPTION_KEY is not set: leads are sealed with a DEVELOPMENT key.',
      `!!! Key file: ${devKey.path}${devKey.created ? ' (just created)' : ''}`,
      '!!! Fine for local testing only. Production refuses to store leads without the setting.',
      '',
    ].join('\n'),
  );
}

export async function resolveKeyState(
  settings: CallbackSettings,
  log: Logger,
  loadKey: (dir: string) => Promise<DevKey> = loadDevKey,
): Promise<KeyState> {
  if (settings.encryptionKey !== undefined) {
    try {
      return { ok: true, keys: await importLeadKeys(settings.encryptionKey) };
    } catch {
      return { ok: false, problem: 'invalid_setting' };
    }
  }
  if (settings.production) return { ok: false, problem: 'missing_setting' };
  try {
    const devKey = await loadKey(settings.devStateDir);
    await warnDevKeyOnce(devKey, settings.devStateDir);
    return { ok: true, keys: await importLeadKeys(devKey.key) };
  } catch (error) {
    log.error({ event: 'config.dev_key', outcome: 'failed', errorName: errorName(error) });
    return { ok: false, problem: 'missing_setting' };
  }
}
