/**
 * A real HTTP webhook receiver on 127.0.0.1 for tests: the example receiver from
 * src/leads/channels/webhook-receiver.ts behind node:http, with faults to switch on and a record
 * of every request (whether its signature verified, what it answered).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  createWebhookReceiver,
  verifyCallbackWebhook,
  type CallbackWebhookEvent,
} from '../../../../src/leads/channels/webhook-receiver.ts';

export const TEST_WEBHOOK_SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;

/** What the receiver does with the next request. */
export type Fault = 'none' | 'http_500' | 'hang';

export interface ReceivedCall {
  webhookId: string;
  verified: boolean;
  status: number | null;
  event: CallbackWebhookEvent | null;
}

export interface TestReceiver {
  url: string;
  port: number;
  calls: ReceivedCall[];
  /** Events the receiver took (answered 2xx), in order. */
  accepted(): CallbackWebhookEvent[];
  /** Picks the fault for each request; `n` counts requests from 1. */
  setFault(fault: Fault | ((n: number) => Fault)): void;
  /** Forgets every request so far and clears the fault. */
  reset(): void;
  stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startReceiver(
  options: { port?: number; secret?: string; dedupe?: boolean } = {},
): Promise<TestReceiver> {
  const secret = options.secret ?? TEST_WEBHOOK_SECRET;
  const calls: ReceivedCall[] = [];
  const taken: CallbackWebhookEvent[] = [];
  let pick: (n: number) => Fault = () => 'none';
  const handler = createWebhookReceiver({
    secret,
    onEvent: (event) => void taken.push(event),
    // The tests count duplicates, so by default the receiver takes every copy it gets.
    ...(options.dedupe ? {} : { seen: { has: () => false, add: () => undefined } as unknown as Set<string> }),
  });
  const sockets = new Set<Socket>();

  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(name, value);
    const call: ReceivedCall = {
      webhookId: headers.get('webhook-id') ?? '',
      verified: false,
      status: null,
      event: null,
    };
    calls.push(call);
    try {
      call.event = verifyCallbackWebhook(secret, body, headers);
      call.verified = true;
    } catch {
      // Recorded as unverified; the handler below answers 401.
    }
    const fault = pick(calls.length);
    if (fault === 'hang') return; // Never answers; the sender's timeout must fire.
    if (fault === 'http_500') {
      call.status = 500;
      res.writeHead(500).end();
      return;
    }
    const response = await handler(
      new Request(`http://127.0.0.1${req.url}`, { method: 'POST', headers, body }),
    );
    call.status = response.status;
    res.writeHead(response.status).end();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/callback`,
    port,
    calls,
    accepted: () => [...taken],
    setFault(fault) {
      pick = typeof fault === 'function' ? fault : () => fault;
    },
    reset() {
      calls.length = 0;
      taken.length = 0;
      pick = () => 'none';
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
