/**
 * Settings for a local run: `.env` first (the process environment wins), then safe
 * local defaults for what a developer has not set. Returns notes to print once at start.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDevKey } from '../src/leads/dev-key.ts';
import { isProductionBuild } from '../src/lib/placeholders.ts';

export interface LocalEnvironment {
  /** Folder of the local Blobs store (LEAD_DEV_STATE_DIR/blobs). */
  blobsDir: string;
  /** Site id the local Blobs store files data under. */
  siteID: string;
  /** Warnings to print once, loudly, at start. */
  notes: string[];
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
  const state = env['LEAD_DEV_STATE_DIR'] ?? join(root, '.netlify', 'dev-state');
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
  return { blobsDir: join(state, 'blobs'), siteID: 'local', notes };
}
