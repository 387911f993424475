/**
 * The local inbox: one .eml file per lead, the same message the email channel sends.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInboxChannel } from '../../../src/leads/channels/inbox.ts';
import { makeLead, T0 } from './support/leads.ts';
import { parseHeaders } from './support/smtp.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'inbox-test-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('inbox channel', () => {
  it('writes <lead id>.eml, private to the user, and nothing else', async () => {
    const dir = join(root, 'a', 'inbox');
    const lead = makeLead();
    expect(await createInboxChannel({ dir }).deliver(lead)).toEqual({ outcome: 'delivered' });
    expect(await readdir(dir)).toEqual([`${lead.id}.eml`]);
    expect((await stat(join(dir, `${lead.id}.eml`))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const raw = await readFile(join(dir, `${lead.id}.eml`), 'utf8');
    const headers = parseHeaders(raw);
    expect(headers.get('subject')).toBe(`New callback request ${lead.id.slice(0, 8)}`);
    expect(headers.get('message-id')).toBe(`<callback-${lead.id}@localhost>`);
    expect(raw).toContain('tel:+14155552671');
  });

  it('writing the same lead again replaces its file (a retry is the same message)', async () => {
    const dir = join(root, 'b');
    const lead = makeLead();
    const inbox = createInboxChannel({ dir });
    await inbox.deliver(lead);
    await inbox.deliver(lead);
    expect(await readdir(dir)).toEqual([`${lead.id}.eml`]);
  });

  it('an alert is its own file', async () => {
    const dir = join(root, 'c');
    const lead = makeLead();
    await createInboxChannel({ dir }).alert({
      leadId: lead.id,
      channel: 'webhook',
      attempts: 3,
      lastError: 'timeout',
      failedAt: T0,
    });
    expect(await readdir(dir)).toEqual([`failed-webhook-${lead.id}.eml`]);
  });

  it('retries when the folder cannot be written', async () => {
    const blocker = join(root, 'not-a-folder');
    await writeFile(blocker, 'x');
    expect(await createInboxChannel({ dir: join(blocker, 'inbox') }).deliver(makeLead())).toEqual({
      outcome: 'retry',
      code: 'io',
    });
  });
});
