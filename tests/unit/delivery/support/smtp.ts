/**
 * A real SMTP server (smtp-server) on 127.0.0.1 for tests, with faults to switch on:
 * refuse the recipient (550), drop the connection in the middle of the message, and
 * answer slowly at chosen steps.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export type SmtpFault = 'none' | 'refuse_recipient' | 'drop';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  headers: Map<string, string>;
}

/**
 * How long the server takes before answering each step, in ms. Everything before the
 * final dot is where a client that gives up leaves the server with nothing; `dataReply`
 * is after it: the server has the message (it is in `messages`) and answers late.
 */
export interface SmtpDelays {
  /** Before the greeting. */
  connect?: number;
  mailFrom?: number;
  rcptTo?: number;
  /** After the final dot, before "250 queued". */
  dataReply?: number;
}

export interface TestSmtp {
  url: string;
  port: number;
  messages: ReceivedMail[];
  setFault(fault: SmtpFault): void;
  /** Recipients to refuse even when there is no fault (a partial refusal). */
  refuse: Set<string>;
  setDelays(delays: SmtpDelays): void;
  /** Resolves once every connection the server has taken so far has ended. */
  whenIdle(): Promise<void>;
  /** Forgets every message so far and clears the faults and delays. */
  reset(): void;
  stop(): Promise<void>;
}

/** Unfolded headers of a raw message, names in lower case. */
export function parseHeaders(raw: string): Map<string, string> {
  const head = raw.split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

export async function startSmtp(options: { port?: number } = {}): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const refuse = new Set<string>();
  let fault: SmtpFault = 'none';
  let delays: SmtpDelays = {};
  const open = new Set<string>();
  let idleWaiters: (() => void)[] = [];
  const later = (ms: number | undefined, then: () => void) => (ms ? setTimeout(then, ms) : then());
  const dropConnection = (session: SMTPServerSession) => {
    const connections = (
      server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }
    ).connections;
    for (const connection of connections) if (connection.id === session.id) connection._socket.destroy();
  };
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    // No STARTTLS: nodemailer would try it and refuse our self-signed test certificate.
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 100,
    onConnect(session, callback) {
      open.add(session.id);
      later(delays.connect, () => callback());
    },
    onClose(session) {
      open.delete(session.id);
      if (open.size > 0) return;
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    },
    onMailFrom(_address, _session, callback) {
      later(delays.mailFrom, () => callback());
    },
    onRcptTo(address, _session, callback) {
      later(delays.rcptTo, () => {
        if (fault === 'refuse_recipient' || refuse.has(address.address)) {
          const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
          return callback(error);
        }
        callback();
      });
    },
    onData(stream, session, callback) {
      if (fault === 'drop') {
        stream.once('data', () => dropConnection(session));
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          headers: parseHeaders(raw),
        });
        later(delays.dataReply, () => callback());
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    refuse,
    setFault(next) {
      fault = next;
    },
    setDelays(next) {
      delays = { ...next };
    },
    whenIdle: () =>
      open.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve)),
    reset() {
      messages.length = 0;
      refuse.clear();
      fault = 'none';
      delays = {};
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The raw message with quoted-printable undone, to search its text and HTML parts. */
export function decodeQuotedPrintable(raw: string): string {
  const bytes = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
