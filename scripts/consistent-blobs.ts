/**
 * Makes the local Netlify Blobs server (`BlobsServer` from @netlify/blobs/server, used by
 * `npm start`, `npm run leads` and the tests) keep three promises Netlify's service keeps
 * and the delivery lease relies on (src/leads/delivery/lease.ts):
 *
 * 1. A conditional write (`onlyIfMatch`, `onlyIfNew`) checks and writes in one step. The
 *    local server checks the ETag, then awaits several file operations before writing,
 *    so two claimants could both pass. Here writes run one at a time.
 * 2. No read sees half a write. The local server renames the new body into place and
 *    only then writes the metadata file; a read in between paired the new ETag with the
 *    old metadata, and a listing could stop short when a temporary file vanished under
 *    it. Here reads wait while a write is in progress (and writes wait for reads).
 * 3. Every write gives the entry a new ETag. The local server derives ETags from the
 *    file's modification time, which the kernel keeps in coarse ticks, so two quick
 *    writes could share one and a stale ETag would pass. Here each write moves the file's
 *    time past the last one handed out.
 *
 * Importing this module installs it on every BlobsServer the process creates, the way
 * ./loopback-only.ts pins their addresses: scripts/local-environment.ts (npm start),
 * scripts/leads.ts and the delivery tests import it.
 */
import { utimes } from 'node:fs/promises';
import { BlobsServer } from '@netlify/blobs/server';

type Handler = (request: Request) => Promise<Response>;

interface ServerInternals {
  address: string;
  handleRequest: Handler;
  getLocalPaths(url: URL): { dataPath?: string };
}

/** Many readers or one writer, first come first served (a waiting writer holds back new readers). */
class ReadWriteLock {
  private readers = 0;
  private writing = false;
  private readonly waiting: { write: boolean; start: () => void }[] = [];

  async run<T>(write: boolean, work: () => Promise<T>): Promise<T> {
    await new Promise<void>((start) => {
      this.waiting.push({ write, start });
      this.grant();
    });
    try {
      return await work();
    } finally {
      if (write) this.writing = false;
      else this.readers--;
      this.grant();
    }
  }

  private grant(): void {
    while (this.waiting.length > 0 && !this.writing) {
      const next = this.waiting[0]!;
      if (next.write && this.readers > 0) return;
      this.waiting.shift();
      if (next.write) this.writing = true;
      else this.readers++;
      next.start();
      if (next.write) return;
    }
  }
}

const WRITES = new Set(['PUT', 'DELETE']);
// The server's own ETag function (private in its types): listings and reads must agree with it.
const generateETag = (
  BlobsServer as unknown as { generateETag(path: string): Promise<string> }
).generateETag.bind(BlobsServer);

function consistentHandler(server: BlobsServer, handle: Handler): Handler {
  const internals = server as unknown as ServerInternals;
  const lock = new ReadWriteLock();
  let lastTime = 0;
  return (request) =>
    lock.run(WRITES.has(request.method.toUpperCase()), async () => {
      const response = await handle(request);
      if (
        request.method.toUpperCase() !== 'PUT' ||
        response.status !== 200 ||
        !response.headers.has('etag')
      ) {
        return response;
      }
      const { dataPath } = internals.getLocalPaths(new URL(request.url, internals.address));
      if (!dataPath) return response;
      lastTime = Math.max(Date.now(), lastTime + 1);
      await utimes(dataPath, new Date(lastTime), new Date(lastTime));
      const headers = new Headers(response.headers);
      headers.set('etag', await generateETag(dataPath));
      return new Response(response.body, { status: response.status, headers });
    });
}

const handlers = new WeakMap<object, Handler>();
const prototype = BlobsServer.prototype as unknown as ServerInternals & { consistent?: true };
if (!prototype.consistent) {
  const original = prototype.handleRequest;
  prototype.consistent = true;
  prototype.handleRequest = function (this: BlobsServer, request: Request) {
    let handler = handlers.get(this);
    if (!handler) handlers.set(this, (handler = consistentHandler(this, (r) => original.call(this, r))));
    return handler(request);
  };
}
