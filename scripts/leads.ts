/**
 * The operator command: `npm run leads -- list | show ID [--reveal] | retry ID [--channel NAME] | keys`.
 *
 * Reads the local lead store (LEAD_DEV_STATE_DIR/blobs, through a Blobs server of its own
 * on 127.0.0.1) or, when NETLIFY_SITE_ID and NETLIFY_BLOBS_TOKEN (or NETLIFY_AUTH_TOKEN)
 * are set, the production store. Settings come from `.env` too; the environment wins.
 *
 * - list:  every lead's delivery state (no personal data).
 * - show:  one lead's state, and its contents when the encryption key is present
 *          (LEAD_ENCRYPTION_KEY, or the local development key). The contents go to
 *          standard output only, and only to a terminal unless --reveal says a pipe or
 *          file is meant: a redirected `show` must not leave health data in a log file.
 * - retry: makes every channel that has not delivered the lead (or only --channel) try
 *          again at the next sweep, with a fresh 24-hour window.
 * - keys:  during a key rotation, how many leads each key sealed and whether the setting
 *          still lists it (key fingerprints only, nothing decrypted).
 */
import './loopback-only.ts';
import './consistent-blobs.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getStore, type Store } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import {
  keyReport,
  listLine,
  recordReport,
  retryMeta,
  sealedKeyId,
  stateReport,
} from '../src/leads/delivery/operator.ts';
import { leaseActive } from '../src/leads/delivery/plan.ts';
import { DEV_KEY_FILE } from '../src/leads/storage/dev-key.ts';
import { isLeadId } from '../src/leads/runtime/ids.ts';
import { importLeadKeys, type LeadKeys } from '../src/leads/storage/lead-key.ts';
import { openRecord } from '../src/leads/storage/sealed-lead.ts';
import { DEFAULT_DEV_STATE_DIR } from '../src/leads/runtime/settings.ts';
import { createLeadStore, LEADS_STORE, type LeadStore } from '../src/leads/storage/store.ts';

const root = join(import.meta.dirname, '..');
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));
const env = (name: string) => process.env[name]?.trim() || undefined;

class UsageError extends Error {}

const USAGE = `usage: npm run leads -- list
       npm run leads -- show <lead id> [--reveal]
       npm run leads -- retry <lead id> [--channel webhook|email|inbox]
       npm run leads -- keys`;

interface Target {
  store: LeadStore;
  where: string;
  /** The local state folder, where a development key may be. */
  stateDir: string | null;
  stop(): Promise<void>;
}

async function openTarget(): Promise<Target> {
  const siteID = env('NETLIFY_SITE_ID');
  const token = env('NETLIFY_BLOBS_TOKEN') ?? env('NETLIFY_AUTH_TOKEN');
  if (siteID && token) {
    const open = (): Store => getStore({ name: LEADS_STORE, siteID, token, consistency: 'strong' });
    return {
      store: createLeadStore(open),
      where: `Netlify site ${siteID}`,
      stateDir: null,
      stop: async () => {},
    };
  }
  const stateDir = resolve(env('LEAD_DEV_STATE_DIR') ?? join(root, DEFAULT_DEV_STATE_DIR));
  const directory = join(stateDir, 'blobs');
  if (!existsSync(directory)) {
    throw new UsageError(
      `No local lead store at ${directory}. Run \`npm start\` first, or set NETLIFY_SITE_ID and ` +
        'NETLIFY_BLOBS_TOKEN to read production.',
    );
  }
  const localToken = crypto.randomUUID();
  const server = new BlobsServer({ directory, token: localToken });
  const { port } = await server.start();
  const url = `http://127.0.0.1:${port}`;
  const open = (): Store =>
    getStore({
      name: LEADS_STORE,
      siteID: 'local',
      token: localToken,
      edgeURL: url,
      uncachedEdgeURL: url,
      consistency: 'strong',
    });
  return { store: createLeadStore(open), where: directory, stateDir, stop: () => server.stop() };
}

/** The key, when present: LEAD_ENCRYPTION_KEY, or the local development key if one exists (never created here). */
async function findKeys(target: Target): Promise<LeadKeys | null> {
  const setting = env('LEAD_ENCRYPTION_KEY');
  if (setting) return importLeadKeys(setting);
  const devKey = target.stateDir ? join(target.stateDir, DEV_KEY_FILE) : null;
  if (devKey && existsSync(devKey)) return importLeadKeys(readFileSync(devKey, 'utf8').trim());
  return null;
}

const out = (text: string) => process.stdout.write(`${text}\n`);

async function list(target: Target): Promise<void> {
  const now = new Date();
  const leads = await target.store.list();
  leads.sort((a, b) => (a.meta?.receivedAt ?? '').localeCompare(b.meta?.receivedAt ?? ''));
  for (const lead of leads) out(listLine(lead.id, lead.meta, now));
  console.error(`${leads.length} lead(s) in ${target.where}`);
}

async function keys(target: Target): Promise<void> {
  const counts = new Map<string | null, number>();
  const leads = await target.store.list();
  for (const { id } of leads) {
    const lead = await target.store.get(id);
    if (lead === null) continue;
    const keyId = sealedKeyId(lead.sealed);
    counts.set(keyId, (counts.get(keyId) ?? 0) + 1);
  }
  out(keyReport(counts, await findKeys(target)));
  console.error(`${leads.length} lead(s) in ${target.where}`);
}

async function show(target: Target, id: string, reveal: boolean): Promise<void> {
  const lead = await target.store.get(id);
  if (!lead) throw new UsageError(`No lead ${id} in ${target.where}.`);
  out(stateReport(id, lead.meta, new Date()));
  out(`  sealed    with key ${sealedKeyId(lead.sealed) ?? '- (not a sealed lead)'}`);
  const keys = await findKeys(target);
  if (!keys) {
    console.error('No encryption key (LEAD_ENCRYPTION_KEY): showing delivery state only.');
    return;
  }
  if (!process.stdout.isTTY && !reveal) {
    console.error(
      'Standard output is not a terminal: contents not shown. Add --reveal to print them anyway.',
    );
    return;
  }
  try {
    out(recordReport(await openRecord(keys, id, lead.sealed)));
  } catch {
    console.error('This key cannot open the lead (another key, or the lead is damaged).');
  }
}

async function retry(target: Target, id: string, channel: string | undefined): Promise<void> {
  const lead = await target.store.get(id);
  if (!lead) throw new UsageError(`No lead ${id} in ${target.where}.`);
  if (!lead.meta) throw new UsageError(`Lead ${id} has damaged metadata; it cannot be retried safely.`);
  const now = new Date();
  if (leaseActive(lead.meta, now)) {
    throw new UsageError(`Lead ${id} is being delivered right now; try again in a couple of minutes.`);
  }
  const { meta, channels } = retryMeta(lead.meta, now, channel);
  if (channels.length === 0) {
    out(`Nothing to retry: lead ${id} is delivered on ${channel ?? 'every channel'}.`);
    return;
  }
  const { written } = await target.store.putIfMatch(id, lead.sealed, meta, lead.etag);
  if (!written) throw new UsageError(`Lead ${id} changed while we looked at it; run the command again.`);
  out(`Lead ${id}: ${channels.join(', ')} will try again at the next sweep.`);
  out('On Netlify that is within 5 minutes; under `npm start`, POST /.netlify/functions/deliver-leads.');
}

async function main(args: string[]): Promise<void> {
  const [command, id, ...rest] = args;
  const flag = (name: string) => rest.includes(name);
  const option = (name: string) => {
    const index = rest.indexOf(name);
    return index >= 0 ? rest[index + 1] : undefined;
  };
  const bare = command === 'list' || command === 'keys';
  if (!bare && (id === undefined || !isLeadId(id))) throw new UsageError(USAGE);
  if (!['list', 'show', 'retry', 'keys'].includes(command ?? '')) throw new UsageError(USAGE);

  const target = await openTarget();
  try {
    if (command === 'list') await list(target);
    else if (command === 'keys') await keys(target);
    else if (command === 'show') await show(target, id!, flag('--reveal'));
    else await retry(target, id!, option('--channel'));
  } finally {
    await target.stop();
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  // Our own messages only: a Blobs error's text is not shown, its class name is.
  console.error(error instanceof UsageError ? error.message : `Failed: ${(error as Error)?.name ?? 'Error'}`);
  process.exitCode = 1;
}
