/**
 * What `npm start` decides about delivery before it serves: the local inbox when nothing
 * is set (and says where), the configured channels otherwise, and problems by name.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareLocalEnvironment } from '../../../scripts/local-environment.ts';
import { TEST_KEY } from '../callback/support/fixtures.ts';
import { TEST_WEBHOOK_SECRET } from './support/receiver.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'local-env-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const base = () => ({ LEAD_DEV_STATE_DIR: join(root, 'state'), LEAD_ENCRYPTION_KEY: TEST_KEY });

describe('npm start and delivery', () => {
  it('with no channel set, names the inbox folder and hands it to the functions', async () => {
    const env: NodeJS.ProcessEnv = base();
    const local = await prepareLocalEnvironment(root, env);
    expect(local.inboxDir).toBe(join(root, 'state', 'inbox'));
    expect(env['LEAD_INBOX_DIR']).toBe(join(root, 'state', 'inbox'));
    expect(local.notes.join('\n')).toContain(`local inbox (.eml files): ${join(root, 'state', 'inbox')}`);
  });

  it('with a webhook set, says which channels deliver and uses no inbox', async () => {
    const env: NodeJS.ProcessEnv = {
      ...base(),
      ADMISSIONS_WEBHOOK_URL: 'http://127.0.0.1:4399/hooks',
      ADMISSIONS_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    };
    const local = await prepareLocalEnvironment(root, env);
    expect(local.inboxDir).toBeNull();
    expect(local.notes.join('\n')).toContain('delivered by: webhook.');
  });

  it('a half-set channel is named, never its value', async () => {
    const env: NodeJS.ProcessEnv = { ...base(), SMTP_URL: 'smtps://user:hunter2@smtp.test:465' };
    const notes = (await prepareLocalEnvironment(root, env)).notes.join('\n');
    expect(notes).toContain('ADMISSIONS_EMAIL');
    expect(notes).toContain('No delivery channel is usable');
    expect(notes).not.toContain('hunter2');
  });
});
