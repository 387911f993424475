/**
 * The lead handler behind a plain node:http adapter, for `npm run bench:callback`:
 * /api/callback and /api/insurance, as their function files wire them.
 * Run as its own process by scripts/bench-callback.ts, so the load generator does not
 * share its event loop. Prints "listening <port>" when ready.
 *
 * Settings come only from the variables named here (never .env), so the benchmark has no
 * delivery channel: it measures what the function does before it answers (read, parse,
 * rate limit, validate, seal, store in Blobs).
 */
import '../loopback-only.ts';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { setEnvironmentContext } from '@netlify/blobs';
import { depsFromEnv } from '../../src/leads/runtime/deps.ts';
import { handleLead } from '../../src/leads/intake/handler.ts';
import { callbackKind } from '../../src/leads/kinds/callback/index.ts';
import { insuranceKind } from '../../src/leads/kinds/insurance/index.ts';
import { createLogger } from '../../src/leads/runtime/log.ts';

const env = process.env;
const blobsURL = `http://127.0.0.1:${env['BENCH_BLOBS_PORT']}`;
setEnvironmentContext({
  edgeURL: blobsURL,
  uncachedEdgeURL: blobsURL,
  siteID: 'bench',
  token: env['BENCH_BLOBS_TOKEN']!,
});

// Outcomes are counted, not printed: a log line a request would slow the run and flood the terminal.
const outcomes = new Map<string, number>();
const logger = createLogger((_level, line) => {
  const { event, outcome } = JSON.parse(line) as { event?: string; outcome?: string };
  if (event?.endsWith('.answered') && outcome) outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
});
const settings: Record<string, string | undefined> = {
  LEAD_ENCRYPTION_KEY: env['BENCH_KEY'],
  CALLBACK_RATE_LIMIT: env['BENCH_RATE_LIMIT'],
  LEAD_DEV_STATE_DIR: env['BENCH_STATE_DIR'],
};
const deps = await depsFromEnv((name) => settings[name], logger);
const pending = new Set<Promise<unknown>>();

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = `http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`;
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(url, {
    method: req.method ?? 'GET',
    headers: Object.entries(req.headers).flatMap(([name, value]) =>
      value === undefined
        ? []
        : [[name, Array.isArray(value) ? value.join(', ') : value] as [string, string]],
    ),
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
    // @ts-expect-error -- Node's fetch needs `duplex` for a streamed body; the DOM types lack it.
    duplex: 'half',
  });
  // As Netlify's context.ip: the visitor's address, which the load generator varies.
  const ip = String(req.headers['x-nf-client-connection-ip'] ?? req.socket.remoteAddress ?? '') || null;
  const kind = new URL(url).pathname === '/api/insurance' ? insuranceKind : callbackKind;
  const response = await handleLead(kind, request, ip, {
    ...deps,
    waitUntil: (work) => {
      pending.add(work);
      void work.finally(() => pending.delete(work));
    },
  });
  res.writeHead(response.status, [...response.headers].flat());
  res.end(Buffer.from(await response.arrayBuffer()));
}

const server = createServer((req, res) => {
  handle(req, res).catch(() => {
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.info(`listening ${address.port}`);
});

process.on('SIGTERM', () => {
  server.close();
  void Promise.allSettled([...pending]).then(() => {
    console.info(`outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`);
    process.exit(0);
  });
});
