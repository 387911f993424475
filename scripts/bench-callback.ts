/**
 * `npm run bench:callback`: the lead handler (src/leads/intake/handler.ts with its real
 * dependencies) behind a plain node:http adapter on 127.0.0.1, with a local Netlify
 * Blobs server, under autocannon: 10 connections for 10 s of valid JSON posts, for each
 * endpoint (/api/callback, /api/insurance), first with Blobs answering at once, then with
 * every Blobs request held 30 ms (a production round trip, roughly; scripts/perf/blobs-proxy.ts).
 * Prints requests a second, median and p99 latency, how each request was answered, the
 * Blobs requests per accepted request by kind, the longest chain of them one request
 * waits for (measured on one request alone), and the answer time of requests sent one at
 * a time (median and p99), where the round trips show: under load, with 2 cores, the
 * machine's CPU decides the latency.
 *
 * Each post has its own submissionId (a fresh lead, not a repeat) and its own visitor
 * address. The rate limit is raised out of the way: with one address and a high limit,
 * every request would list a growing pile of counter entries, which no real visitor
 * causes (Netlify and our limit of 10 a minute stop them first).
 */
import './loopback-only.ts';
import './consistent-blobs.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobsServer } from '@netlify/blobs/server';
import autocannon from 'autocannon';
import { sequentialDepth, startBlobsProxy } from './perf/blobs-proxy.ts';

const CONNECTIONS = 10;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const DELAY_MS = 30;
const SEQUENTIAL = 40;

const BODIES: Record<string, () => Record<string, unknown>> = {
  '/api/callback': () => ({
    name: 'Bench Visitor',
    phone: '(415) 555-2671',
    email: 'visitor@example.org',
    callTime: 'evening',
    forWhom: 'self',
    program: 'outpatient',
    consent: 'yes',
    page: '/callback/',
  }),
  '/api/insurance': () => ({
    name: 'Bench Visitor',
    phone: '(415) 555-2671',
    dateOfBirth: '1980-05-06',
    insurer: 'sample-blue-plan',
    memberId: 'BENCH-12345',
    consent: 'yes',
    page: '/insurance/',
  }),
};

async function startServer(blobsPort: number, token: string, dir: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(import.meta.dirname, 'perf', 'callback-server.ts')],
    {
      env: {
        ...process.env,
        BENCH_BLOBS_PORT: String(blobsPort),
        BENCH_BLOBS_TOKEN: token,
        BENCH_KEY: randomBytes(32).toString('base64'),
        BENCH_RATE_LIMIT: '999999',
        BENCH_STATE_DIR: join(dir, 'state'),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the lead server did not start: ${output}`)), 30_000);
    child.stdout!.on('data', () => {
      const found = /listening (\d+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    });
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    async stop(): Promise<string | undefined> {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGTERM');
      await exited;
      return /outcomes (.*)/.exec(output)?.[1];
    },
  };
}

let visitor = 0;
const headers = (origin: string) => ({
  'content-type': 'application/json',
  accept: 'application/json',
  origin,
  'sec-fetch-site': 'same-origin',
  // A new address per request, from 198.18.0.0/15, the range set aside for benchmarks.
  'x-nf-client-connection-ip': `198.18.${(++visitor >> 8) & 255}.${visitor & 255}`,
});

async function run(path: string, delayMs: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-callback-'));
  const token = randomBytes(16).toString('hex');
  // Counted by kind, to show how many store calls one request costs.
  const blobCalls = new Map<string, number>();
  const blobs = new BlobsServer({
    directory: join(dir, 'blobs'),
    token,
    onRequest: ({ type }) => blobCalls.set(type, (blobCalls.get(type) ?? 0) + 1),
  });
  const { port: blobsPort } = await blobs.start();
  const proxy = await startBlobsProxy({ target: blobsPort, delayMs });
  const server = await startServer(proxy.port, token, dir);
  const body = () => JSON.stringify({ ...BODIES[path]!(), submissionId: randomUUID() });
  try {
    // One request alone: the chain of Blobs round trips it waits for.
    const probe = await fetch(`${server.origin}${path}`, {
      method: 'POST',
      headers: headers(server.origin),
      body: body(),
    });
    if (probe.status !== 202) throw new Error(`${path} answered ${probe.status} to a valid request`);
    const depth = sequentialDepth(proxy.calls);
    const probeCalls = proxy.calls.length;
    // One at a time: what one visitor waits, where the round trips show (under load the
    // machine's cores decide the latency).
    const alone: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) {
      const started = performance.now();
      const answer = await fetch(`${server.origin}${path}`, {
        method: 'POST',
        headers: headers(server.origin),
        body: body(),
      });
      await answer.arrayBuffer();
      alone.push(performance.now() - started);
    }
    alone.sort((a, b) => a - b);
    const at = (q: number) => alone[Math.min(alone.length - 1, Math.floor(q * alone.length))]!.toFixed(0);
    blobCalls.clear();
    const result = await autocannon({
      url: server.origin,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          path,
          setupRequest: (request) => ({ ...request, body: body(), headers: headers(server.origin) }),
        },
      ],
    });
    const accepted = result.statusCodeStats?.['202']?.count ?? 0;
    const statuses = Object.entries(result.statusCodeStats ?? {})
      .map(([code, { count }]) => `${code}: ${count}`)
      .join(', ');
    const perAccepted = [...blobCalls]
      .map(([type, n]) => `${type} ${(n / Math.max(1, accepted)).toFixed(1)}`)
      .join(', ');
    const total = [...blobCalls.values()].reduce((sum, n) => sum + n, 0) / Math.max(1, accepted);
    return [
      `POST ${path}, Blobs ${delayMs === 0 ? 'at once' : `held ${delayMs} ms a request`}, ${CONNECTIONS} connections, ${SECONDS} s`,
      `  requests/s   ${result.requests.average.toFixed(0)} (total ${result.requests.total})`,
      `  latency      median ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
      `  statuses     ${statuses}; errors ${result.errors}, timeouts ${result.timeouts}`,
      `  Blobs        ${total.toFixed(1)} requests per accepted request (${perAccepted})`,
      `  one alone    ${probeCalls} Blobs requests, at most ${depth} in a row before the answer`,
      `  one at a time  ${SEQUENTIAL} requests: median ${at(0.5)} ms, p99 ${at(0.99)} ms`,
    ].join('\n');
  } finally {
    const outcomes = await server.stop();
    await proxy.stop();
    await blobs.stop();
    await rm(dir, { recursive: true, force: true });
    if (outcomes) console.info(`  (${path}, delay ${delayMs}: outcomes ${outcomes})`);
  }
}

console.info(
  'measures the answer only: no delivery channel (no first attempt), a fresh client address and submissionId per request',
);
for (const delayMs of [0, DELAY_MS])
  for (const path of Object.keys(BODIES)) console.info(await run(path, delayMs));
