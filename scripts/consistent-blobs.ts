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
 * 4. A read answers the entry's ETag, as Netlify's does. The local server gives one only
 *    from writes and listings, so each read of a lead cost a listing of every lead
 *    (src/leads/storage/blobs-read.ts), which a store of thousands cannot afford.
 * 5. A deleted key leaves nothing behind. The local server keeps the empty folders of a
 *    deleted key (`due/<time>/<id>` leaves `due/<time>/`), and every listing walks them
 *    again; Netlify has no folders. Here they go with the key.
 *
 * Importing this module installs it on every BlobsServer the process creates, the way
 * ./loopback-only.ts pins their addresses: scripts/local-environment.ts (npm start),
 * scripts/leads.ts and the delivery tests import it.
 */
import { rmdir, utimes } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BlobsServer } from '@netlify/blobs/server';

type Handler = (request: Request) => Promise<Response>;

interface ServerInternals {
  address: string;
  handleRequest: Handler;
  getLocalPaths(url: URL): { dataPath?: string; metadataPath?: string; key?: string };
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
  const pathsOf = (request: Request) => internals.getLocalPaths(new URL(request.url, internals.address));

  /** The entry's ETag on a read of one key (not on listings, which carry their own). */
  async function withReadEtag(request: Request, response: Response): Promise<Response> {
    const { dataPath, key } = pathsOf(request);
    if (!dataPath || !key || response.status !== 200 || response.headers.has('etag')) return response;
    const etag = await generateETag(dataPath);
    if (!etag) return response;
    const headers = new Headers(response.headers);
    headers.set('etag', etag);
    return new Response(response.body, { status: response.status, headers });
  }

  async function withNewEtag(request: Request, response: Response): Promise<Response> {
    if (response.status !== 200 || !response.headers.has('etag')) return response;
    const { dataPath } = pathsOf(request);
    if (!dataPath) return response;
    lastTime = Math.max(Date.now(), lastTime + 1);
    await utimes(dataPath, new Date(lastTime), new Date(lastTime));
    const headers = new Headers(response.headers);
    headers.set('etag', await generateETag(dataPath));
    return new Response(response.body, { status: response.status, headers });
  }

  async function removeEmptyFolders(request: Request): Promise<void> {
    const { dataPath, metadataPath, key } = pathsOf(request);
    if (!key) return;
    const depth = key.split('/').length - 1;
    for (const path of [dataPath, metadataPath]) {
      let folder = path ? dirname(path) : undefined;
      for (let level = 0; folder && level < depth; level++, folder = dirname(folder)) {
        // rmdir fails on a folder that still holds something: the walk up stops there.
        if (
          !(await rmdir(folder).then(
            () => true,
            () => false,
          ))
        )
          break;
      }
    }
  }

  return (request) => {
    const method = request.method.toUpperCase();
    return lock.run(WRITES.has(method), async () => {
      const response = await handle(request);
      if (method === 'PUT') return withNewEtag(request, response);
      if (method === 'GET' || method === 'HEAD') return withReadEtag(request, response);
      if (method === 'DELETE' && response.status === 204) await removeEmptyFolders(request);
      return response;
    });
  };
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
