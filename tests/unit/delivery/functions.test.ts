/**
 * The two Netlify functions wired from the environment: the callback's first attempt and
 * the scheduled sweeper, each on the channels the settings turn on.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from '@netlify/functions';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import callback from '../../../netlify/functions/callback.mts';
import deliverLeads, { config } from '../../../netlify/functions/deliver-leads.mts';
import { createLeadStore } from '../../../src/leads/storage/store.ts';
import { SECRETS, TEST_KEY, VALID, randomIp, submit } from '../callback/support/fixtures.ts';
import { makeLead, storeLead } from './support/leads.ts';
import { startServers, webhookLeadIds, type TestServers } from './support/servers.ts';
import { TEST_WEBHOOK_SECRET } from './support/receiver.ts';

const SETTINGS = [
  'LEAD_ENCRYPTION_KEY',
  'CONTEXT',
  'NODE_ENV',
  'LEAD_DEV_STATE_DIR',
  'LEAD_INBOX_DIR',
  'ADMISSIONS_WEBHOOK_URL',
  'ADMISSIONS_WEBHOOK_SECRET',
  'SMTP_URL',
  'ADMISSIONS_EMAIL',
  'MAIL_FROM',
  'LEAD_RETENTION_DAYS',
] as const;
const saved = Object.fromEntries(SETTINGS.map((name) => [name, process.env[name]]));
const printed: string[] = [];

let servers: TestServers;
let dir: string;
beforeAll(async () => {
  servers = await startServers();
  dir = await mkdtemp(join(tmpdir(), 'functions-'));
});
afterAll(async () => {
  await servers.stop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  servers.receiver.reset();
  for (const name of SETTINGS) delete process.env[name];
  process.env['NODE_ENV'] = 'test';
  process.env['LEAD_ENCRYPTION_KEY'] = TEST_KEY;
  printed.length = 0;
  for (const level of ['info', 'warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation(
      (...args: unknown[]) => void printed.push(args.map(String).join(' ')),
    );
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const name of SETTINGS) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  for (const secret of SECRETS) expect(printed.join('\n')).not.toContain(secret);
});

function context(): Context & { waited: Promise<unknown>[] } {
  const waited: Promise<unknown>[] = [];
  return { ip: randomIp(), waitUntil: (work: Promise<unknown>) => void waited.push(work), waited } as never;
}

const useWebhook = () => {
  process.env['ADMISSIONS_WEBHOOK_URL'] = servers.receiver.url;
  process.env['ADMISSIONS_WEBHOOK_SECRET'] = TEST_WEBHOOK_SECRET;
};

describe('deliver-leads', () => {
  it('runs every 5 minutes (cron syntax)', () => {
    expect(config).toEqual({ schedule: '*/5 * * * *' });
  });

  it('sweeps the store on the configured channels and answers the counts', async () => {
    useWebhook();
    const leads = createLeadStore();
    const lead = makeLead({ receivedAt: new Date().toISOString() });
    await storeLead(leads, lead, ['webhook']);
    const response = await deliverLeads();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ due: 1, delivered: 1, retried: 0, dead: 0 });
    expect(webhookLeadIds(servers)).toEqual([lead.id]);
    // Email is not configured: the lead owes it nothing and no mail went out.
    const meta = (await leads.getMeta(lead.id))!.meta!;
    expect(Object.keys(meta.channels)).toEqual(['webhook']);
    expect(meta.channels['webhook']).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(servers.smtp.messages).toHaveLength(0);
  });

  it('without a usable key it sends nothing and says which setting', async () => {
    // A lead that is due, so "nothing sent" means something.
    const leads = createLeadStore();
    const lead = makeLead({ receivedAt: new Date().toISOString() });
    await storeLead(leads, lead, ['webhook']);
    process.env['LEAD_ENCRYPTION_KEY'] = 'not-a-key';
    useWebhook();
    const errors = vi.mocked(console.error);
    errors.mockClear();
    const response = await deliverLeads();
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('LEAD_ENCRYPTION_KEY');
    // The log names the setting and the problem, never the value.
    const lines = errors.mock.calls.map((args) => args.map(String).join(' '));
    expect(lines.filter((line) => line.includes('"setting":"LEAD_ENCRYPTION_KEY"'))).toHaveLength(1);
    expect(lines.join('\n')).toContain('"reason":"invalid_setting"');
    expect(lines.join('\n')).not.toContain('not-a-key');
    expect(servers.receiver.calls).toHaveLength(0);
    expect((await leads.getMeta(lead.id))!.meta!.channels['webhook']).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
    // Left for the next run, once the key is fixed.
    process.env['LEAD_ENCRYPTION_KEY'] = TEST_KEY;
    expect(await (await deliverLeads()).json()).toMatchObject({ delivered: 1 });
    expect(webhookLeadIds(servers)).toEqual([lead.id]);
  });

  it('with no channel, says so in an error line every run', async () => {
    const errors = vi.mocked(console.error);
    for (let run = 1; run <= 3; run++) {
      errors.mockClear();
      expect((await deliverLeads()).status).toBe(200);
      const lines = errors.mock.calls.map((args) => args.map(String).join(' '));
      expect(
        lines.filter((line) => line.includes('"reason":"no_channel"')),
        `run ${run}`,
      ).toHaveLength(1);
    }
  });
});

describe('callback: the first attempt', () => {
  it('goes to the webhook right after the lead is stored', async () => {
    useWebhook();
    const ctx = context();
    const response = await callback(submit('json', VALID), ctx);
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    // Stored before the answer; delivered by the first attempt alone (no sweep runs here).
    expect(await createLeadStore().getMeta(id)).not.toBeNull();
    await Promise.all(ctx.waited);
    expect(webhookLeadIds(servers)).toEqual([id]);
    expect((await createLeadStore().getMeta(id))!.meta!.channels['webhook']).toMatchObject({
      status: 'delivered',
      attempts: 1,
    });
  });

  it('with nothing configured, locally, lands in the inbox folder as <id>.eml', async () => {
    process.env['LEAD_INBOX_DIR'] = join(dir, 'inbox');
    const ctx = context();
    const response = await callback(submit('json', VALID), ctx);
    const { id } = (await response.json()) as { id: string };
    await Promise.all(ctx.waited);
    expect(await readdir(join(dir, 'inbox'))).toEqual([`${id}.eml`]);
    const mail = await readFile(join(dir, 'inbox', `${id}.eml`), 'utf8');
    expect(mail).toMatch(new RegExp(`^Message-ID: <callback-${id}@`, 'im'));
    expect(mail).toContain('tel:+14155552671');
    expect((await createLeadStore().getMeta(id))!.meta!.channels['inbox']).toMatchObject({
      status: 'delivered',
    });
  });

  it('never uses the inbox in production', async () => {
    process.env['LEAD_INBOX_DIR'] = join(dir, 'prod-inbox');
    process.env['CONTEXT'] = 'production';
    const ctx = context();
    // No usable channel in production: 503, the visitor calls (tests/unit/runtime/).
    expect((await callback(submit('json', VALID), ctx)).status).toBe(503);
    await Promise.all(ctx.waited);
    await expect(readdir(join(dir, 'prod-inbox'))).rejects.toThrow();
  });
});
