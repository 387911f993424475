/**
 * Settings for a local run: `.env` first (the process environment wins), then safe
 * local defaults for what a developer has not set. Returns notes to print once at start.
 *
 * Importing it also makes every local Blobs server keep Netlify's consistency promises,
 * which the delivery lease relies on (see ./consistent-blobs.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import './consistent-blobs.ts';
import { channelNames, readDeliverySettings } from '../src/leads/delivery/settings.ts';
import { loadDevKey } from '../src/leads/storage/dev-key.ts';
import { isProductionBuild } from '../src/lib/placeholders.ts';

export interface LocalEnvironment {
  /** Folder of the local Blobs store (LEAD_DEV_STATE_DIR/blobs). */
  blobsDir: string;
  /** Site id the local Blobs store files data under. */
  siteID: string;
  /** Warnings to print once, loudly, at start. */
  notes: string[];
  /** The local inbox folder when leads go there (no channel set, not production). */
  inboxDir: string | null;
}

export async function prepareLocalEnvironment(
  root: string,
  env: NodeJS.ProcessEnv,
): Promise<LocalEnvironment> {
  const notes: string[] = [];
  const dotenv = join(root, '.env');
  // loadEnvFile keeps variables that are already set, so the process environment wins.
  if (existsSync(dotenv)) process.loadEnvFile(dotenv);

  // Outside what @netlify/dev watches for function rebuilds; tests point it at a temp folder.
  const state = resolve(env['LEAD_DEV_STATE_DIR'] ?? join(root, '.netlify', 'dev-state'));
  await mkdir(state, { recursive: true });

  if (!env['LEAD_ENCRYPTION_KEY']) {
    if (isProductionBuild(env))
      throw new Error('LEAD_ENCRYPTION_KEY is not set: production never uses a development key.');
    // The function's own development key, loaded once here so the warning is said once.
    const devKey = await loadDevKey(state);
    env['LEAD_ENCRYPTION_KEY'] = devKey.key;
    notes.push(
      '',
      '!!! LEAD_ENCRYPTION_KEY is not set: leads are encrypted with a DEVELOPMENT key kept in',
      `!!! ${devKey.path}. Never use it for real leads; set your own key in .env (see .env.example).`,
      '',
    );
  }
  const inboxDir = chooseInbox(env, state, notes);
  return { blobsDir: join(state, 'blobs'), siteID: 'local', notes, inboxDir };
}

/**
 * With no delivery channel set (and not production), leads go to a local inbox folder of
 * .eml files, in the state folder, outside what @netlify/dev watches. The function reads
 * the folder from LEAD_INBOX_DIR, set here as an absolute path for the function workers.
 */
function chooseInbox(env: NodeJS.ProcessEnv, state: string, notes: string[]): string | null {
  // Absolute, because the function workers need not share this process's working folder.
  if (!isProductionBuild(env)) env['LEAD_INBOX_DIR'] = resolve(env['LEAD_INBOX_DIR'] ?? join(state, 'inbox'));
  const settings = readDeliverySettings((name) => env[name]);
  const channels = channelNames(settings);
  for (const problem of settings.problems) notes.push(`!!! ${problem.setting}: ${problem.detail}.`);
  const sweep = 'POST /.netlify/functions/deliver-leads runs the retry sweep (Netlify: every 5 minutes).';
  if (settings.inbox) {
    notes.push(
      `Callback requests are delivered to the local inbox (.eml files): ${settings.inbox.dir}`,
      sweep,
    );
    return settings.inbox.dir;
  }
  if (channels.length > 0) {
    notes.push(`Callback requests are delivered by: ${channels.join(', ')}.`, sweep);
  } else {
    notes.push(
      '!!! No delivery channel is usable: leads are stored and wait until one is set (see .env.example).',
    );
  }
  return null;
}
