/**
 * Production is known at run time: the real function exports, called the way Netlify
 * calls them, with the deploy context on `context.deploy.context` and nothing in the
 * environment that says "production" (a deployed function never sees CONTEXT). Anything
 * deployed is production-strict; 'dev', an empty context (what @netlify/dev 5.1.3 gives
 * `npm start`) or none at all keeps the development behaviour.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from '@netlify/functions';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import callback from '../../../netlify/functions/callback.mts';
import deliverLeads from '../../../netlify/functions/deliver-leads.mts';
import { site } from '../../../src/site.config.ts';
import { createLeadStore } from '../../../src/leads/storage/store.ts';
import { SECRETS, TEST_KEY, VALID, randomIp, submit, type Encoding } from '../callback/support/fixtures.ts';
import { makeLead, storeLead } from '../delivery/support/leads.ts';
import { TEST_WEBHOOK_SECRET } from '../delivery/support/receiver.ts';
import {
  ADMISSIONS,
  emailLeadIds,
  startServers,
  webhookLeadIds,
  type TestServers,
} from '../delivery/support/servers.ts';

const SETTINGS = [
  'LEAD_ENCRYPTION_KEY',
  'CONTEXT',
  'NODE_ENV',
  'SITE_ID',
  'NETLIFY_LOCAL',
  'LEAD_DEV_STATE_DIR',
  'LEAD_INBOX_DIR',
  'ADMISSIONS_WEBHOOK_URL',
  'ADMISSIONS_WEBHOOK_SECRET',
  'SMTP_URL',
  'ADMISSIONS_EMAIL',
  'MAIL_FROM',
  'CALLBACK_RATE_LIMIT',
] as const;
const saved = Object.fromEntries(SETTINGS.map((name) => [name, process.env[name]]));
const printed: Record<'info' | 'warn' | 'error', string[]> = { info: [], warn: [], error: [] };

/** Every context a deploy can have; each must be strict. */
const DEPLOYED = ['production', 'deploy-preview', 'branch-deploy'];
/** What a local run gives (@netlify/dev: ''), 'dev' (netlify-cli), or no deploy at all. */
const LOCAL: (string | undefined)[] = ['', 'dev', undefined];

let servers: TestServers;
let dir: string;
beforeAll(async () => {
  servers = await startServers({ smtpTimeoutMs: 2_000 });
  dir = await mkdtemp(join(tmpdir(), 'deploy-context-'));
});
afterAll(async () => {
  await servers.stop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  servers.receiver.reset();
  servers.smtp.reset();
  for (const name of SETTINGS) delete process.env[name];
  // What a deployed function's environment holds: our settings, nothing about the deploy.
  process.env['LEAD_ENCRYPTION_KEY'] = TEST_KEY;
  for (const level of ['info', 'warn', 'error'] as const) {
    printed[level] = [];
    vi.spyOn(console, level).mockImplementation(
      (...args: unknown[]) => void printed[level].push(args.map(String).join(' ')),
    );
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const name of SETTINGS) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  const everything = Object.values(printed).flat().join('\n');
  for (const secret of SECRETS) expect(everything).not.toContain(secret);
});

type TestContext = Context & { waited: Promise<unknown>[] };

/** Netlify's context for one call; `deploy` only when a deploy context is given. */
function context(deployContext: string | undefined): TestContext {
  const waited: Promise<unknown>[] = [];
  return {
    ip: randomIp(),
    waitUntil: (work: Promise<unknown>) => void waited.push(work),
    waited,
    ...(deployContext !== undefined && {
      deploy: { context: deployContext, id: 'deploy-1', published: true, branch: 'main' },
    }),
  } as never;
}

/** Posts a valid request and waits for the first delivery attempt. */
async function send(deployContext: string | undefined, encoding: Encoding = 'json') {
  const ctx = context(deployContext);
  const response = await callback(submit(encoding, VALID), ctx);
  await Promise.all(ctx.waited);
  return response;
}

const leadCount = async () => (await createLeadStore().list()).length;
const idOf = async (response: Response) => ((await response.json()) as { id: string }).id;

const useHttpWebhook = () => {
  process.env['ADMISSIONS_WEBHOOK_URL'] = servers.receiver.url;
  process.env['ADMISSIONS_WEBHOOK_SECRET'] = TEST_WEBHOOK_SECRET;
};
const useEmail = () => {
  process.env['SMTP_URL'] = servers.smtp.url;
  process.env['ADMISSIONS_EMAIL'] = ADMISSIONS.join(',');
  process.env['MAIL_FROM'] = 'Callback requests <callbacks@center.test>';
};

describe.each(DEPLOYED)('deployed (context.deploy.context = %s): production-strict', (deployContext) => {
  it('refuses an http:// webhook: 503 with the phone, "invalid ADMISSIONS_WEBHOOK_URL", nothing stored or sent', async () => {
    expect(servers.receiver.url).toMatch(/^http:\/\//);
    useHttpWebhook();
    const before = await leadCount();
    const response = await send(deployContext);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: string }).error).toContain(site.admissions.phone.display);
    expect(printed.error.join('\n')).toContain('invalid ADMISSIONS_WEBHOOK_URL');
    expect(await leadCount()).toBe(before);
    expect(servers.receiver.calls).toHaveLength(0);
  });

  it('sends email only over TLS: a server without STARTTLS gets nothing', async () => {
    useEmail();
    const response = await send(deployContext);
    expect(response.status).toBe(202);
    const id = await idOf(response);
    expect(servers.smtp.messages).toHaveLength(0);
    const email = (await createLeadStore().getMeta(id))!.meta!.channels['email']!;
    expect(email).toMatchObject({ status: 'pending', attempts: 1 });
    expect(email.lastError).not.toBeNull();
  });

  it.each<Encoding>(['form', 'json'])(
    'with no channel: 503 (%s) with the phone, an error naming the settings, nothing stored, no inbox',
    async (encoding) => {
      process.env['LEAD_INBOX_DIR'] = join(dir, `inbox-${deployContext}-${encoding}`);
      const before = await leadCount();
      const response = await send(deployContext, encoding);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('60');
      expect(await response.text()).toContain(site.admissions.phone.display);
      const errors = printed.error.join('\n');
      expect(errors).toContain('missing ADMISSIONS_WEBHOOK_URL');
      expect(errors).toContain('missing SMTP_URL');
      expect(errors).toContain('"reason":"no_channel"');
      expect(await leadCount()).toBe(before);
      await expect(readdir(join(dir, `inbox-${deployContext}-${encoding}`))).rejects.toThrow();
    },
  );

  it('with a half-set channel: the error names the setting that is missing', async () => {
    process.env['SMTP_URL'] = servers.smtp.url;
    const before = await leadCount();
    const response = await send(deployContext);
    expect(response.status).toBe(503);
    expect(printed.error.join('\n')).toContain('missing ADMISSIONS_EMAIL');
    expect(await leadCount()).toBe(before);
  });

  it('the scheduled sweeper never sends to an http:// webhook, by email without TLS, or to the inbox', async () => {
    useHttpWebhook();
    useEmail();
    const inbox = join(dir, `sweep-inbox-${deployContext}`);
    process.env['LEAD_INBOX_DIR'] = inbox;
    const lead = makeLead({ receivedAt: new Date().toISOString() });
    await storeLead(createLeadStore(), lead, ['webhook', 'email', 'inbox']);
    const response = await deliverLeads(
      new Request('https://site.test/.netlify/functions/deliver-leads'),
      context(deployContext),
    );
    expect(response.status).toBe(200);
    expect(servers.receiver.calls).toHaveLength(0);
    expect(emailLeadIds(servers)).not.toContain(lead.id);
    await expect(readdir(inbox)).rejects.toThrow();
    // Email was tried (it is a usable channel) and refused for want of TLS; the others are off.
    const { channels } = (await createLeadStore().getMeta(lead.id))!.meta!;
    expect(channels['email']).toMatchObject({ status: 'pending', attempts: 1 });
    expect(channels['email']!.lastError).not.toBeNull();
    expect(channels['webhook']).toMatchObject({ status: 'pending', attempts: 0 });
    expect(channels['inbox']).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('without LEAD_ENCRYPTION_KEY: 503, no development key', async () => {
    delete process.env['LEAD_ENCRYPTION_KEY'];
    process.env['LEAD_DEV_STATE_DIR'] = join(dir, `never-${deployContext}`);
    useEmail();
    const response = await send(deployContext);
    expect(response.status).toBe(503);
    expect(printed.error.join('\n')).toContain('missing LEAD_ENCRYPTION_KEY');
    await expect(readdir(join(dir, `never-${deployContext}`))).rejects.toThrow();
  });
});

describe.each(LOCAL)('local (context.deploy.context = %j): development behaviour', (deployContext) => {
  it('sends to an http:// webhook', async () => {
    useHttpWebhook();
    const response = await send(deployContext);
    expect(response.status).toBe(202);
    expect(webhookLeadIds(servers)).toEqual([await idOf(response)]);
  });

  it('sends email without TLS to a local server', async () => {
    useEmail();
    const response = await send(deployContext);
    expect(response.status).toBe(202);
    expect(emailLeadIds(servers)).toEqual([await idOf(response)]);
  });

  it('with no channel, delivers to the inbox folder', async () => {
    const inbox = join(dir, `inbox-local-${String(deployContext)}`);
    process.env['LEAD_INBOX_DIR'] = inbox;
    const response = await send(deployContext);
    expect(response.status).toBe(202);
    expect(await readdir(inbox)).toEqual([`${await idOf(response)}.eml`]);
  });
});

describe('the environment still counts where it says production', () => {
  it.each([
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
    ['CONTEXT=production', { CONTEXT: 'production' }],
    ['SITE_ID without NETLIFY_LOCAL (a deployed function, however it is called)', { SITE_ID: 'site-1' }],
  ])('%s, with no deploy context: strict', async (_, env) => {
    Object.assign(process.env, env);
    useHttpWebhook();
    expect((await send(undefined)).status).toBe(503);
    expect(servers.receiver.calls).toHaveLength(0);
  });

  it('SITE_ID with NETLIFY_LOCAL=true (a linked site under npm start): development', async () => {
    Object.assign(process.env, { SITE_ID: 'site-1', NETLIFY_LOCAL: 'true' });
    useHttpWebhook();
    expect((await send(undefined)).status).toBe(202);
  });
});
