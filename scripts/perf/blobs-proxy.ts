/**
 * A loopback proxy in front of a local Netlify Blobs server that holds every request for
 * `delayMs` before passing it on (a production round trip, roughly) and records when each
 * began and ended. `sequentialDepth` reads the record: the longest chain of requests each
 * of which began only after the one before it had ended, which is how many round trips a
 * visitor waits for whatever ran in parallel. Used by `npm run bench:callback` and by the
 * round-trip tests (tests/unit/callback/round-trips.test.ts).
 */
import { createServer, request as httpRequest, type Server } from 'node:http';

export interface BlobsCall {
  method: string;
  /** The path without the store and site, e.g. "leads/lead/<id>" shortened to its first segment. */
  kind: string;
  start: number;
  end: number;
}

export interface BlobsProxy {
  port: number;
  calls: BlobsCall[];
  reset(): void;
  stop(): Promise<void>;
}

export async function startBlobsProxy(options: { target: number; delayMs?: number }): Promise<BlobsProxy> {
  const calls: BlobsCall[] = [];
  const delayMs = options.delayMs ?? 0;
  const server: Server = createServer((req, res) => {
    const start = performance.now();
    const forward = () => {
      const upstream = httpRequest(
        { host: '127.0.0.1', port: options.target, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('end', () => {
            const url = new URL(req.url ?? '/', 'http://x');
            const store = url.pathname.split('/').filter(Boolean);
            calls.push({
              method: req.method ?? 'GET',
              kind: `${store.at(-2) ?? ''}${url.search.includes('prefix') ? ' (list)' : ''}`,
              start,
              end: performance.now(),
            });
          });
        },
      );
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    };
    if (delayMs > 0) setTimeout(forward, delayMs);
    else forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the Blobs proxy did not start');
  return {
    port: address.port,
    calls,
    reset: () => void calls.splice(0),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The longest chain of calls, each begun after the previous one ended. */
export function sequentialDepth(calls: readonly BlobsCall[]): number {
  const sorted = [...calls].sort((a, b) => a.end - b.end);
  const depth: number[] = [];
  sorted.forEach((call, i) => {
    let before = 0;
    for (let j = 0; j < i; j++) if (sorted[j]!.end <= call.start) before = Math.max(before, depth[j]!);
    depth.push(before + 1);
  });
  return Math.max(0, ...depth);
}
