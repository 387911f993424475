/**
 * A real Netlify Blobs server for tests, on 127.0.0.1 with a temporary directory.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setEnvironmentContext } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';

export const SITE_ID = 'test-site';
export const TOKEN = 'test-token';

export interface TestBlobs {
  directory: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * BlobsServer listens with no host (all interfaces) and offers no option; pin its one
 * listen call to loopback so tests never open a port to the network.
 */
async function onLoopback<T>(start: () => Promise<T>): Promise<T> {
  const original = Server.prototype.listen;
  const listen = original as (this: Server, ...args: unknown[]) => Server;
  Server.prototype.listen = function (this: Server, ...args: unknown[]) {
    if (typeof args[0] === 'number' && typeof args[1] === 'function')
      return listen.call(this, args[0], '127.0.0.1', args[1]);
    return listen.apply(this, args);
  } as typeof original;
  try {
    return await start();
  } finally {
    Server.prototype.listen = original;
  }
}

/**
 * The local server checks a conditional write's ETag and then writes, with awaits in
 * between, so two racing `onlyIfNew` writes can both succeed; Netlify's service makes
 * the check and the write one step. `atomicWrites` queues the server's writes one at a
 * time, giving it the production guarantee so tests can check our logic under it.
 */
function makeWritesAtomic(server: BlobsServer): void {
  const target = server as unknown as { put: (req: Request) => Promise<Response> };
  const put = target.put.bind(server);
  let queue: Promise<unknown> = Promise.resolve();
  target.put = (req) => {
    const result = queue.then(() => put(req));
    queue = result.catch(() => undefined);
    return result;
  };
}

export async function startBlobs(options: { atomicWrites?: boolean } = {}): Promise<TestBlobs> {
  const directory = await mkdtemp(join(tmpdir(), 'callback-blobs-'));
  const server = new BlobsServer({ directory, token: TOKEN });
  if (options.atomicWrites) makeWritesAtomic(server);
  const { port } = await onLoopback(() => server.start());
  useBlobs(port);
  return {
    directory,
    port,
    async stop() {
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Points every `getStore` at the server. Strong reads go to `uncachedEdgeURL`, so set both. */
export function useBlobs(port: number): void {
  const url = `http://127.0.0.1:${port}`;
  setEnvironmentContext({ edgeURL: url, uncachedEdgeURL: url, siteID: SITE_ID, token: TOKEN });
}

/** A port on 127.0.0.1 where nothing listens: a store that is down. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Every file the server wrote (blobs and metadata), as raw bytes. */
export async function filesOnDisk(directory: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(directory.length), await readFile(path));
  }
  return files;
}
