/**
 * When the lead cannot be stored, the visitor is told so and given the phone number:
 * never a false "accepted", never a hang.
 */
import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/leads/intake/answer-html.ts';
import { handleCallback } from '../../../src/leads/intake/handler.ts';
import { site } from '../../../src/site.config.ts';
import { expectSafeHeaders } from './support/answers.ts';
import { closedPort, useBlobs } from './support/blobs.ts';
import {
  ENCODINGS,
  SECRETS,
  VALID,
  captureLog,
  makeDeps,
  post,
  randomIp,
  submit,
} from './support/fixtures.ts';

describe('store down (nothing listening)', () => {
  beforeAll(async () => {
    useBlobs(await closedPort());
  });

  it.each(ENCODINGS)('%s: 503 with Retry-After and the admissions phone', async (encoding) => {
    const log = captureLog();
    const response = await handleCallback(
      submit(encoding, VALID),
      randomIp(),
      await makeDeps({ log: log.logger }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
    expectSafeHeaders(response);
    const body = await response.text();
    if (encoding === 'json') {
      expect(JSON.parse(body)).toEqual({ error: expect.stringContaining(site.admissions.phone.display) });
    } else {
      expect(body).toContain(`href="tel:${site.admissions.phone.e164}"`);
      expect(body).toContain(escapeHtml('Please call us instead'));
    }
    const events = log.events();
    expect(events).toContainEqual(expect.objectContaining({ event: 'rate_limit.error', outcome: 'warning' }));
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'store.error', reason: 'store_unavailable' }),
    );
    expect(events).toContainEqual(expect.objectContaining({ event: 'callback.answered', status: 503 }));
    for (const secret of SECRETS) expect(body + log.lines.join('\n')).not.toContain(secret);
  });

  it('still answers what needs no store: 422, 405, 400', async () => {
    const deps = await makeDeps();
    expect((await handleCallback(submit('json', { ...VALID, name: '' }), randomIp(), deps)).status).toBe(422);
    expect((await handleCallback(new Request('https://x.example/api/callback'), null, deps)).status).toBe(
      405,
    );
    expect((await handleCallback(post('{"name":', 'application/json'), randomIp(), deps)).status).toBe(400);
  });
});

describe('store hangs (accepts connections, never answers)', () => {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => void sockets.add(socket));

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    useBlobs(address.port);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('gives up at the deadline with 503', async () => {
    const log = captureLog();
    const started = performance.now();
    const response = await handleCallback(
      submit('form', VALID),
      randomIp(),
      await makeDeps({ log: log.logger, storeDeadlineMs: 300, rateLimitDeadlineMs: 200 }),
    );
    expect(response.status).toBe(503);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(log.events()).toContainEqual(
      expect.objectContaining({ event: 'store.error', reason: 'deadline', errorName: 'DeadlineError' }),
    );
  });
});
