/**
 * `npm run bench:callback`: the callback handler (src/leads/intake/handler.ts with its real
 * dependencies) behind a plain node:http adapter on 127.0.0.1, with a local Netlify
 * Blobs server, under autocannon: 10 connections for 10 s of valid JSON posts. Prints
 * requests a second, median and p99 latency, and how each request was answered.
 *
 * Each post has its own submissionId (a fresh lead, not a repeat) and its own visitor
 * address. The rate limit is raised out of the way: with one address and a high limit,
 * every request would list a growing pile of counter entries, which no real visitor
 * causes (Netlify and our limit of 10 a minute stop them first).
 */
import './loopback-only.ts';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobsServer } from '@netlify/blobs/server';
import autocannon from 'autocannon';

const CONNECTIONS = 10;
const SECONDS = 10;

const dir = await mkdtemp(join(tmpdir(), 'bench-callback-'));
const token = randomBytes(16).toString('hex');
// Counted by kind, to show how many store calls one callback costs.
const blobCalls = new Map<string, number>();
const blobs = new BlobsServer({
  directory: join(dir, 'blobs'),
  token,
  onRequest: ({ type }) => blobCalls.set(type, (blobCalls.get(type) ?? 0) + 1),
});
const { port: blobsPort } = await blobs.start();

const child = spawn(process.execPath, [join(import.meta.dirname, 'perf', 'callback-server.ts')], {
  env: {
    ...process.env,
    BENCH_BLOBS_PORT: String(blobsPort),
    BENCH_BLOBS_TOKEN: token,
    BENCH_KEY: randomBytes(32).toString('base64'),
    BENCH_RATE_LIMIT: '999999',
    BENCH_STATE_DIR: join(dir, 'state'),
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let childOutput = '';
child.stdout.on('data', (chunk) => (childOutput += chunk));
const port = await new Promise<number>((resolve, reject) => {
  const timer = setTimeout(
    () => reject(new Error(`the callback server did not start: ${childOutput}`)),
    30_000,
  );
  child.stdout.on('data', () => {
    const found = /listening (\d+)/.exec(childOutput);
    if (found) {
      clearTimeout(timer);
      resolve(Number(found[1]));
    }
  });
});
const origin = `http://127.0.0.1:${port}`;

let visitor = 0;
const post = (): string =>
  JSON.stringify({
    name: 'Bench Visitor',
    phone: '(415) 555-2671',
    email: 'visitor@example.org',
    callTime: 'evening',
    forWhom: 'self',
    program: 'outpatient',
    consent: 'yes',
    page: '/callback/',
    submissionId: randomUUID(),
  });

try {
  const result = await autocannon({
    url: origin,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path: '/api/callback',
        setupRequest: (request) => ({
          ...request,
          body: post(),
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            origin,
            'sec-fetch-site': 'same-origin',
            // A new address per request, from 198.18.0.0/15, the range set aside for benchmarks.
            'x-nf-client-connection-ip': `198.18.${(++visitor >> 8) & 255}.${visitor & 255}`,
          },
        }),
      },
    ],
  });
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .map(([code, { count }]) => `${code}: ${count}`)
    .join(', ');
  console.info(
    [
      `POST /api/callback, ${CONNECTIONS} connections, ${SECONDS} s, node:http + handler + local Blobs on 127.0.0.1`,
      'measures     the answer only: no delivery channel (no first attempt), a fresh client address and submissionId per request',
      `requests/s   ${result.requests.average.toFixed(0)} (total ${result.requests.total}; slowest second ${result.requests.min}, fastest ${result.requests.max})`,
      `latency      median ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
      `statuses     ${statuses}; errors ${result.errors}, timeouts ${result.timeouts}`,
      `Blobs calls  ${[...blobCalls].map(([type, n]) => `${type} ${(n / result.requests.total).toFixed(1)}`).join(', ')} a request`,
    ].join('\n'),
  );
} finally {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGTERM');
  await exited;
  const outcomes = /outcomes (.*)/.exec(childOutput)?.[1];
  if (outcomes) console.info(`outcomes     ${outcomes}`);
  await blobs.stop();
  await rm(dir, { recursive: true, force: true });
}
