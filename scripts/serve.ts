/**
 * `npm start`'s server: the built site in dist/ and the Netlify Functions, through
 * Netlify's own local emulator (@netlify/dev), on 127.0.0.1 only.
 *
 * Two things differ from a bare NetlifyDev: each function runs from one build made at
 * start and rebuilt when its source changes (./functions-build-once.ts), and the lead
 * store's local settings are prepared before anything starts.
 *
 * The single build also ends the "Cannot find module '.netlify/functions-serve/_…'"
 * failures: @netlify/dev built every call into a temporary folder deleted when the call
 * ended, while keeping the latest build's path on one object shared by all calls, so
 * overlapping calls could run a bundle that had just been deleted.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import './loopback-only.ts';
import './functions-build-once.ts';
import { BlobsServer } from '@netlify/blobs/server';
import { NetlifyDev } from '@netlify/dev';
import { randomBytes } from 'node:crypto';
import { prepareLocalEnvironment } from './local-environment.ts';
import { answerFailure } from './support/serve-error.ts';

const root = join(import.meta.dirname, '..');
const host = '127.0.0.1';
const port = Number(process.env['PORT'] ?? 8888);

const local = await prepareLocalEnvironment(root, process.env);

// Our own Blobs server instead of @netlify/dev's, so its folder can be chosen (tests
// use a temporary one) and it can be read back by tools such as `npm run leads`.
const blobsToken = randomBytes(16).toString('hex');
const blobs = new BlobsServer({ directory: local.blobsDir, token: blobsToken });
const { port: blobsPort } = await blobs.start();
const blobsURL = `http://${host}:${blobsPort}`;
process.env['NETLIFY_BLOBS_CONTEXT'] = Buffer.from(
  JSON.stringify({ edgeURL: blobsURL, uncachedEdgeURL: blobsURL, siteID: local.siteID, token: blobsToken }),
).toString('base64');

const netlify = new NetlifyDev({
  projectRoot: root,
  skipGitignore: true,
  // Edge functions need Deno; the others need an account or are not used by this site.
  edgeFunctions: { enabled: false },
  images: { enabled: false },
  aiGateway: { enabled: false },
  geolocation: { enabled: false },
  database: { enabled: false },
  server: { enabled: false },
  blobs: { enabled: false },
});
await netlify.start();
// The first call waits for the functions' first build (a few seconds); make it ours, so
// the first visitor's submission is answered as fast as the rest. A GET is refused with
// 405 before the function touches any store.
await netlify.handle(new Request(`http://${host}:${port}/api/callback`));

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const result = await netlify.handleAndIntrospectNodeRequest(req);
  if (!result) {
    // Netlify answers unknown paths with 404.html and the same header rules as any page.
    const page = await netlify.handle(new Request(`http://${host}:${port}/404.html`));
    const headers = page ? [...page.headers].flat() : ['content-type', 'text/plain; charset=utf-8'];
    res.writeHead(404, headers);
    res.end(page ? Buffer.from(await page.arrayBuffer()) : 'Not found');
    return;
  }
  const { response } = result;
  res.writeHead(response.status, [...response.headers].flat());
  if (response.body) Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(res);
  else res.end();
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => answerFailure(res, error));
});

server.listen(port, host, () => {
  for (const note of local.notes) console.warn(note);
  console.info(`Leads are stored (encrypted) in ${local.blobsDir}`);
  console.info(`Serving the site and the callback function on http://${host}:${port}/`);
});

const stop = async () => {
  server.close();
  await netlify.stop();
  await blobs.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
