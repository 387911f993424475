/**
 * Rotating LEAD_ENCRYPTION_KEY with leads in flight: the setting lists the new key first
 * and the old one after it, so new leads are sealed with the new key while the sweeper
 * still opens and delivers the ones sealed before. Real Blobs, a real webhook receiver.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebhookChannel } from '../../../src/leads/channels/webhook.ts';
import { sweep } from '../../../src/leads/delivery/sweep.ts';
import { importLeadKeys, InvalidKeyError, leadKeyProblem } from '../../../src/leads/storage/lead-key.ts';
import { channelState } from '../../../src/leads/storage/metadata.ts';
import { openLead, sealLead } from '../../../src/leads/storage/sealed-lead.ts';
import { initialMeta } from '../../../src/leads/storage/metadata.ts';
import type { LeadRecord } from '../../../src/leads/storage/record.ts';
import type { LeadStore } from '../../../src/leads/storage/store.ts';
import { deliveryGuardProblems } from '../../../src/leads/delivery/production-guard.ts';
import { keyReport, sealedKeyId } from '../../../src/leads/delivery/operator.ts';
import { captureLog, OTHER_KEY, SECRETS, TEST_KEY, type CapturedLog } from '../callback/support/fixtures.ts';
import { deliveryDeps, HOUR, makeLead, T0, testClock, type TestClock } from './support/leads.ts';
import { startServers, webhookLeadIds, type TestServers } from './support/servers.ts';
import { closedPort } from '../callback/support/blobs.ts';
import { TEST_WEBHOOK_SECRET } from './support/receiver.ts';

const OLD = OTHER_KEY;
const NEW = TEST_KEY;
const retention = { retentionDays: 14 };

describe('the key setting', () => {
  it.each([
    ['one key', NEW, 1],
    ['the new key, then the old one', `${NEW},${OLD}`, 2],
    ['spaces around the commas', ` ${NEW} , ${OLD} `, 2],
  ])('accepts %s', async (_, setting, count) => {
    expect(leadKeyProblem(setting)).toBeNull();
    const keys = await importLeadKeys(setting);
    expect(keys.open.size).toBe(count);
    expect(keys.keyId).toBe((await importLeadKeys(NEW)).keyId);
  });

  it.each([
    ['a key that is not a key', `${NEW},not-a-key`, 'separated by commas'],
    ['an empty entry', `${NEW},`, 'separated by commas'],
    ['a short single key', btoa('x'.repeat(16)), 'base64 of 32 bytes'],
  ])('refuses %s, naming the rule and no key', async (_, setting, words) => {
    expect(leadKeyProblem(setting)).toContain(words);
    const error = await importLeadKeys(setting).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidKeyError);
    expect(String(error)).not.toContain(NEW);
  });

  it('refuses the same key listed twice', async () => {
    await expect(importLeadKeys(`${NEW},${NEW}`)).rejects.toThrow('same key twice');
  });

  it('the production build guard takes a list and names a broken one', () => {
    const channel = {
      ADMISSIONS_WEBHOOK_URL: 'https://crm.example/hook',
      ADMISSIONS_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    };
    expect(
      deliveryGuardProblems({ ...channel, MAIL_FROM: 'a@b.example', LEAD_ENCRYPTION_KEY: `${NEW},${OLD}` }),
    ).toEqual([]);
    expect(deliveryGuardProblems({ ...channel, LEAD_ENCRYPTION_KEY: `${NEW},oops` })).toEqual([
      'invalid LEAD_ENCRYPTION_KEY: must be keys (base64 of 32 bytes each) separated by commas, the sealing key first',
    ]);
  });
});

describe('npm run leads -- keys', () => {
  it('counts leads per key and says which keys the setting can drop', async () => {
    const during = await importLeadKeys(`${NEW},${OLD}`);
    const newId = (await importLeadKeys(NEW)).keyId;
    const oldId = (await importLeadKeys(OLD)).keyId;
    const sealed = await sealLead(await importLeadKeys(OLD), makeLead());
    expect(sealedKeyId(sealed)).toBe(oldId);
    expect(sealedKeyId('plain text')).toBeNull();

    const report = keyReport(
      new Map([
        [newId, 3],
        [oldId, 2],
        ['0badc0de', 1],
      ]),
      during,
    ).split('\n');
    expect(report).toEqual(
      expect.arrayContaining([
        `key ${newId}  3 lead(s)  the sealing key (first in LEAD_ENCRYPTION_KEY)`,
        `key ${oldId}  2 lead(s)  listed: still opens these leads; drop it only once this count is 0`,
        'key 0badc0de  1 lead(s)  NOT LISTED: these leads cannot be opened or delivered',
      ]),
    );
    expect(keyReport(new Map([[newId, 3]]), during)).toContain(
      `key ${oldId}  0 lead(s)  listed but unused: it can be dropped from the setting`,
    );
  });
});

describe('sealing and opening across a rotation', () => {
  const lead = makeLead();

  it('seals with the first key and opens with any listed key', async () => {
    const before = await importLeadKeys(OLD);
    const during = await importLeadKeys(`${NEW},${OLD}`);
    const sealedBefore = await sealLead(before, lead);
    const sealedDuring = await sealLead(during, lead);
    expect(sealedDuring.split('.')[1]).toBe((await importLeadKeys(NEW)).keyId);
    expect(await openLead(during, lead.id, sealedBefore)).toEqual(lead);
    expect(await openLead(during, lead.id, sealedDuring)).toEqual(lead);
    // Once the old key is dropped, what it sealed is refused as sealed by another key.
    await expect(openLead(await importLeadKeys(NEW), lead.id, sealedBefore)).rejects.toThrow('another key');
  });
});

describe('a rotation with leads in flight', () => {
  let servers: TestServers;
  let clock: TestClock;
  let log: CapturedLog;

  beforeEach(async () => {
    servers = await startServers();
    clock = testClock();
    log = captureLog();
  });
  afterEach(async () => {
    expect(servers.receiver.calls.filter((call) => !call.verified)).toEqual([]);
    for (const secret of SECRETS) expect(log.lines.join('\n')).not.toContain(secret);
    await servers.stop();
  });

  /** Stores `lead` sealed with `setting`'s first key, pending on the webhook. */
  async function storeWith(store: LeadStore, setting: string, lead: LeadRecord): Promise<void> {
    const meta = initialMeta({
      receivedAt: new Date(lead.receivedAt),
      consentVersion: lead.consent.version,
      submission: null,
      channels: ['webhook'],
    });
    await store.put(lead.id, await sealLead(await importLeadKeys(setting), lead), meta);
  }

  async function depsWith(setting: string, webhookUp: boolean) {
    const webhook = webhookUp
      ? servers.webhook
      : createWebhookChannel({ url: `http://127.0.0.1:${await closedPort()}/`, secret: TEST_WEBHOOK_SECRET });
    const deps = await deliveryDeps([webhook], { clock, log: log.logger });
    return { ...deps, keys: await importLeadKeys(setting) };
  }

  it('delivers the leads sealed before and after the switch, each once', async () => {
    // Before: the old key alone; the CRM is down, so the lead waits.
    const before = await depsWith(OLD, false);
    const early = makeLead({ receivedAt: T0.toISOString() });
    await storeWith(before.leads, OLD, early);
    expect(await sweep(before, retention)).toMatchObject({ due: 1, retried: 1 });

    // The switch: new key first, old key kept. A lead arrives under the new key.
    clock.advance(HOUR);
    const late = makeLead({ receivedAt: clock.now().toISOString() });
    const during = await depsWith(`${NEW},${OLD}`, true);
    await storeWith(during.leads, `${NEW},${OLD}`, late);
    const report = await sweep({ ...during, leads: before.leads }, retention);
    expect(report).toMatchObject({ delivered: 2, retried: 0 });
    expect(webhookLeadIds(servers).sort()).toEqual([early.id, late.id].sort());
    const received = servers.receiver
      .accepted()
      .map((event) => event.type === 'callback.requested' && event.data.name);
    expect(received).toEqual([early.name, late.name]);
    expect(log.lines.join('\n')).not.toContain('lead.unreadable');
  });

  it('a lead sealed with a key dropped too early is not lost: it waits, logged, until the key is listed again', async () => {
    const store = (await depsWith(OLD, true)).leads;
    const lead = makeLead();
    await storeWith(store, OLD, lead);

    const dropped = { ...(await depsWith(NEW, true)), leads: store };
    expect(await sweep(dropped, retention)).toMatchObject({ delivered: 0, retried: 1 });
    expect(log.lines.filter((line) => line.includes('lead.unreadable'))).toHaveLength(1);
    const meta = (await store.getMeta(lead.id))!.meta!;
    expect(channelState(meta, 'webhook')).toMatchObject({ status: 'pending', lastError: 'unreadable' });
    expect(await store.get(lead.id)).not.toBeNull();

    clock.advance(HOUR);
    const restored = { ...(await depsWith(`${NEW},${OLD}`, true)), leads: store };
    expect(await sweep(restored, retention)).toMatchObject({ delivered: 1 });
    expect(webhookLeadIds(servers)).toEqual([lead.id]);
  });
});
