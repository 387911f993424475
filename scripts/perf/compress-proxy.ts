/**
 * A loopback proxy that gzips text responses, in front of `npm start`'s server.
 *
 * Why: Netlify's CDN compresses HTML, CSS and JS, but the local emulator sends them raw.
 * Lighthouse simulates Slow 4G from the bytes it sees, so without this every page looked
 * 3-4 times heavier than it is in production and needed extra round trips to arrive.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { freePort } from './server.ts';

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|manifest\+json|ld\+json)|image\/svg\+xml)/i;

export interface Proxy {
  origin: string;
  stop(): Promise<void>;
}

export async function startCompressingProxy(target: string): Promise<Proxy> {
  const upstream = new URL(target);
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const outgoing = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        const headers = { ...answer.headers };
        const gzip =
          /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) &&
          !headers['content-encoding'] &&
          COMPRESSIBLE.test(String(headers['content-type'] ?? ''));
        if (!gzip) {
          res.writeHead(answer.statusCode ?? 502, headers);
          return void pipeline(answer, res).catch(() => res.destroy());
        }
        delete headers['content-length'];
        res.writeHead(answer.statusCode ?? 502, {
          ...headers,
          'content-encoding': 'gzip',
          vary: 'Accept-Encoding',
        });
        pipeline(answer, createGzip(), res).catch(() => res.destroy());
      },
    );
    outgoing.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    pipeline(req, outgoing).catch(() => outgoing.destroy());
  };

  const server = createServer(forward);
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
