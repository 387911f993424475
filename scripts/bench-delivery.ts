/**
 * Delivery latency, submit to receiver:
 * `npm run bench:delivery [-- --browser-leads B --leads N --in-process-leads M]` (an npm
 * script, so it runs on the project's Node 24).
 *
 * 1. Through `npm start`'s server (scripts/serve.ts: @netlify/dev, a fresh function worker
 *    per call), one lead after another, each timed from the moment it is sent to the
 *    moment the webhook receiver and the SMTP server get it:
 *    - B forms filled and sent in Debian's Chromium (timed from the click);
 *    - N posts from Node, as the enhanced form sends them.
 * 2. In process (the handler and the first attempt called directly, no emulator): M posts,
 *    the same timing, to show what our own code costs apart from the emulator's.
 *
 * Everything runs on 127.0.0.1 with real servers (Blobs, an HTTP receiver verifying each
 * signature, smtp-server), on ports the system picks. Bounded: it gives up after 4 minutes.
 */
import './loopback-only.ts';
import './consistent-blobs.ts';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setEnvironmentContext } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { chromium } from '@playwright/test';
import { SMTPServer } from 'smtp-server';
import { createEmailChannel } from '../src/leads/channels/email.ts';
import { createWebhookChannel } from '../src/leads/channels/webhook.ts';
import { deliverLead } from '../src/leads/delivery/deliver-lead.ts';
import { handleCallback } from '../src/leads/intake/handler.ts';
import { importLeadKeys } from '../src/leads/storage/lead-key.ts';
import { createLogger } from '../src/leads/runtime/log.ts';
import { createLeadStore } from '../src/leads/storage/store.ts';
import { createWebhookReceiver } from '../src/leads/channels/webhook-receiver.ts';

const root = join(import.meta.dirname, '..');
const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const BROWSER_LEADS = arg('--browser-leads', 10);
const SERVER_LEADS = arg('--leads', 30);
const IN_PROCESS_LEADS = arg('--in-process-leads', 200);
setTimeout(() => {
  console.error('bench: gave up after 4 minutes');
  process.exit(2);
}, 240_000).unref();

const SECRET = `whsec_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64')}`;
const KEY = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');

/** Arrival times by lead id, and a way to wait for one. */
function arrivals() {
  const seen = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  return {
    arrive(id: string) {
      const at = performance.now();
      seen.set(id, at);
      waiting.get(id)?.(at);
    },
    wait(id: string): Promise<number> {
      const at = seen.get(id);
      return at !== undefined ? Promise.resolve(at) : new Promise((resolve) => waiting.set(id, resolve));
    },
  };
}

const hooks = arrivals();
/** Lead ids by the name sent: a form sent in the browser learns its id from the receiver. */
const idsByName = new Map<string, string>();
const mails = arrivals();
let unsigned = 0;

async function startReceiver(): Promise<{ url: string; close(): void }> {
  const receive = createWebhookReceiver({
    secret: SECRET,
    onEvent: (event) => {
      if (event.type !== 'callback.requested') return;
      idsByName.set(event.data.name, event.data.id);
      hooks.arrive(event.data.id);
    },
  });
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(name, value);
    const response = await receive(
      new Request('http://127.0.0.1/hooks', { method: 'POST', headers, body: Buffer.concat(chunks) }),
    );
    if (response.status === 401) unsigned++;
    res.writeHead(response.status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    close: () => server.close(),
  };
}

async function startSmtp(): Promise<{ url: string; close(): void }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // A reverse DNS lookup per connection would be timed as ours.
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => (head += head.length < 4096 ? chunk.toString('utf8') : ''));
      stream.on('end', () => {
        const id = /Message-ID: <callback-([0-9a-f-]{36})@/i.exec(head)?.[1];
        if (id) mails.arrive(id);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

const body = (n: number) =>
  JSON.stringify({ name: `Bench ${n}`, phone: '(202) 555-0187', consent: 'yes', callTime: 'evening' });

interface Timing {
  answer: number;
  webhook: number;
  email: number;
}

/** `answered` names what the answer time measures; the browser's includes loading the thanks page. */
function summary(label: string, timings: Timing[], answered = 'answer to the visitor'): string {
  const stat = (pick: (t: Timing) => number) => {
    const sorted = timings.map(pick).sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
    return `median ${Math.round(at(0.5))} ms, p99 ${Math.round(at(0.99))} ms`;
  };
  return [
    `${label} (${timings.length} leads, one at a time)`,
    `  ${answered.padEnd(21)} : ${stat((t) => t.answer)}`,
    `  submit -> webhook     : ${stat((t) => t.webhook)}`,
    `  submit -> email       : ${stat((t) => t.email)}`,
    ...(answered === 'answer to the visitor'
      ? [`  answer -> webhook     : ${stat((t) => t.webhook - t.answer)} (the emulator's own time left out)`]
      : []),
  ].join('\n');
}

/** What a sender learnt: the lead id, and when it was sent and answered if not when `send` was called and returned. */
interface Sent {
  id: string;
  sentAt?: number;
  answeredAt?: number;
}

async function timeOne(send: () => Promise<Sent>): Promise<Timing> {
  const called = performance.now();
  const { id, sentAt, answeredAt } = await send();
  const answered = answeredAt ?? performance.now();
  const started = sentAt ?? called;
  const [webhook, email] = await Promise.all([hooks.wait(id), mails.wait(id)]);
  return { answer: answered - started, webhook: webhook - started, email: email - started };
}

/** Sends one lead to the local server at `base`; answers its id and when it was sent. */
type Sender = (base: string, n: number) => Promise<Sent>;

const postFromNode: Sender = async (base, n) => {
  const response = await fetch(`${base}/api/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', origin: base },
    body: body(n),
  });
  return { id: ((await response.json()) as { id: string }).id };
};

/** Fills and sends the form on a program page in Chromium; the clock starts at the click. */
async function browserSender(): Promise<{ send: Sender; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  });
  const page = await browser.newPage();
  const send: Sender = async (base, n) => {
    await page.goto(`${base}/programs/outpatient/`);
    const name = `Bench browser ${n}`;
    await page.getByLabel('Your name').fill(name);
    await page.getByRole('textbox', { name: /^Phone number/ }).fill('(202) 555-0187');
    await page.getByRole('checkbox', { name: /By checking this box/ }).check();
    // The time trap treats a form sent within 3 s of the first keystroke as a bot.
    await page.waitForTimeout(3_100);
    const sentAt = performance.now();
    await page.getByRole('button', { name: 'Request my callback' }).click();
    await page.waitForURL('**/callback/thanks/');
    const answeredAt = performance.now();
    while (!idsByName.has(name)) await new Promise((resolve) => setTimeout(resolve, 5));
    return { id: idsByName.get(name)!, sentAt, answeredAt };
  };
  return { send, close: () => browser.close() };
}

async function throughLocalServer(
  webhookUrl: string,
  smtpUrl: string,
  runs: { leads: number; send: Sender }[],
): Promise<Timing[][]> {
  const state = await mkdtemp(join(tmpdir(), 'bench-delivery-'));
  const port = 4420 + Math.floor(Math.random() * 60);
  const child = spawn(process.execPath, [join(root, 'scripts/serve.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      LEAD_DEV_STATE_DIR: state,
      LEAD_ENCRYPTION_KEY: KEY,
      CALLBACK_RATE_LIMIT: '100000',
      ADMISSIONS_WEBHOOK_URL: webhookUrl,
      ADMISSIONS_WEBHOOK_SECRET: SECRET,
      SMTP_URL: smtpUrl,
      ADMISSIONS_EMAIL: 'admissions@center.test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('Serving') && resolve());
      child.once('exit', () => reject(new Error('server stopped')));
    });
    const base = `http://127.0.0.1:${port}`;
    const results: Timing[][] = [];
    for (const { leads, send } of runs) {
      const timings: Timing[] = [];
      for (let n = 0; n < leads; n++) timings.push(await timeOne(() => send(base, n)));
      results.push(timings);
    }
    return results;
  } finally {
    child.kill('SIGTERM');
    await rm(state, { recursive: true, force: true });
  }
}

async function inProcess(webhookUrl: string, smtpUrl: string): Promise<Timing[]> {
  const directory = await mkdtemp(join(tmpdir(), 'bench-blobs-'));
  const blobs = new BlobsServer({ directory, token: 'bench' });
  const { port } = await blobs.start();
  const url = `http://127.0.0.1:${port}`;
  setEnvironmentContext({ edgeURL: url, uncachedEdgeURL: url, siteID: 'bench', token: 'bench' });
  const keys = await importLeadKeys(KEY);
  const log = createLogger(() => {});
  const delivery = {
    leads: createLeadStore(),
    keys,
    log,
    channels: [
      createWebhookChannel({ url: webhookUrl, secret: SECRET }),
      createEmailChannel({ smtpUrl, to: ['admissions@center.test'], from: 'Bench <bench@center.test>' }),
    ],
  };
  const deps = {
    keys: { ok: true as const, keys },
    leads: delivery.leads,
    limiter: { hit: async () => ({ allowed: true as const }) },
    log,
    channels: ['webhook', 'email'],
    afterStore: async (id: string, etag?: string) =>
      void (await deliverLead(delivery, id, { listedEtag: etag })),
    waitUntil: () => {},
  };
  try {
    const timings: Timing[] = [];
    for (let n = 0; n < IN_PROCESS_LEADS; n++) {
      timings.push(
        await timeOne(async () => {
          const request = new Request('https://center.test/api/callback', {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              accept: 'application/json',
              origin: 'https://center.test',
            },
            body: body(n),
          });
          const response = await handleCallback(request, '10.0.0.1', deps);
          return { id: ((await response.json()) as { id: string }).id };
        }),
      );
    }
    return timings;
  } finally {
    await blobs.stop();
    await rm(directory, { recursive: true, force: true });
  }
}

const receiver = await startReceiver();
const smtp = await startSmtp();
const browser = BROWSER_LEADS > 0 ? await browserSender() : undefined;
try {
  const runs = [
    {
      leads: BROWSER_LEADS,
      send: browser?.send ?? postFromNode,
      label: 'a form sent in Chromium',
      answered: 'thanks page shown',
    },
    { leads: SERVER_LEADS, send: postFromNode, label: 'posts from Node', answered: undefined },
  ].filter((run) => run.leads > 0);
  const local = runs.length > 0 ? await throughLocalServer(receiver.url, smtp.url, runs) : [];
  const direct = IN_PROCESS_LEADS > 0 ? await inProcess(receiver.url, smtp.url) : [];
  runs.forEach((run, i) =>
    console.info(summary(`npm start (scripts/serve.ts), ${run.label}`, local[i]!, run.answered)),
  );
  if (direct.length > 0) console.info(summary('in process (handler + first attempt, no emulator)', direct));
  console.info(`signatures refused by the receiver: ${unsigned}`);
} finally {
  await browser?.close();
  receiver.close();
  smtp.close();
}
process.exit(0);
