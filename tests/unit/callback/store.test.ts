import { getStore } from '@netlify/blobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelState, initialMeta, isDue, type LeadMeta } from '../../../src/leads/storage/metadata.ts';
import { validateCallback } from '../../../src/callback/schema.ts';
import { storeLead } from '../../../src/leads/kinds/callback/store.ts';
import { createLeadStore, LEADS_STORE } from '../../../src/leads/storage/store.ts';
import { filesOnDisk, startBlobs, type TestBlobs } from './support/blobs.ts';
import { SECRETS, VALID, testKeys } from './support/fixtures.ts';

let blobs: TestBlobs;
beforeAll(async () => {
  blobs = await startBlobs();
});
afterAll(async () => {
  await blobs.stop();
});

const receivedAt = new Date('2025-05-01T10:00:00Z');
const meta = (overrides: Partial<LeadMeta> = {}): LeadMeta => ({
  ...initialMeta({
    receivedAt,
    consentVersion: 'c1-test',
    submission: null,
    channels: ['webhook', 'email'],
  }),
  ...overrides,
});

describe('lead store', () => {
  it('puts a new lead once and reads it back with metadata and an ETag', async () => {
    const store = createLeadStore();
    const id = crypto.randomUUID();
    expect((await store.put(id, 'sealed-1', meta())).created).toBe(true);
    expect((await store.put(id, 'sealed-2', meta({ consentVersion: 'c1-other' }))).created).toBe(false);
    const found = await store.get(id);
    expect(found).toMatchObject({ id, sealed: 'sealed-1', meta: meta() });
    expect(found?.etag).toMatch(/\S/);
    expect((await store.getMeta(id))?.meta).toEqual(meta());
  });

  it('answers null for a lead that does not exist', async () => {
    const store = createLeadStore();
    expect(await store.get(crypto.randomUUID())).toBeNull();
    expect(await store.getMeta(crypto.randomUUID())).toBeNull();
  });

  it('writes only if unchanged since read (putIfMatch)', async () => {
    const store = createLeadStore();
    const id = crypto.randomUUID();
    await store.put(id, 'sealed', meta());
    const read = (await store.get(id))!;
    const delivered = meta({
      channels: {
        ...meta().channels,
        webhook: {
          ...channelState(meta(), 'webhook'),
          status: 'delivered',
          attempts: 1,
          deliveredAt: receivedAt.toISOString(),
          nextAttemptAt: null,
        },
      },
    });
    const first = await store.putIfMatch(id, read.sealed, delivered, read.etag);
    expect(first.written).toBe(true);
    // The local server's ETags come from file times; let the clock move on.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await store.putIfMatch(id, read.sealed, meta(), read.etag)).written).toBe(false);
    expect((await store.getMeta(id))?.meta?.channels['webhook']?.status).toBe('delivered');
    expect((await store.putIfMatch(crypto.randomUUID(), 's', meta(), read.etag)).written).toBe(false);
  });

  it('lists due leads per channel', async () => {
    const store = createLeadStore();
    const due = crypto.randomUUID();
    const later = crypto.randomUUID();
    const done = crypto.randomUUID();
    const future = new Date(receivedAt.getTime() + 3_600_000).toISOString();
    await store.put(due, 's', meta());
    await store.put(
      later,
      's',
      meta({ channels: { webhook: { ...channelState(meta(), 'webhook'), nextAttemptAt: future } } }),
    );
    await store.put(
      done,
      's',
      meta({
        channels: {
          webhook: { ...channelState(meta(), 'webhook'), status: 'delivered', nextAttemptAt: null },
        },
      }),
    );
    const now = new Date(receivedAt.getTime() + 60_000);
    const ids = (await store.listDue(now, ['webhook'])).map((lead) => lead.id);
    expect(ids).toContain(due);
    expect(ids).not.toContain(later);
    expect(ids).not.toContain(done);
    // Each channel on its own state: all three still owe the email channel.
    expect((await store.listDue(now, ['email'])).map((lead) => lead.id)).toEqual(
      expect.arrayContaining([due, later, done]),
    );
    // A channel added after the lead arrived counts as pending since arrival.
    expect((await store.listDue(now, ['crm'])).map((lead) => lead.id)).toEqual(
      expect.arrayContaining([due, later, done]),
    );
  });

  it('reports damaged metadata as null rather than guessing', async () => {
    const store = createLeadStore();
    const id = crypto.randomUUID();
    await getStore({ name: LEADS_STORE, consistency: 'strong' }).set(`lead/${id}`, 'x', {
      metadata: { schema: 99 },
    });
    expect((await store.getMeta(id))?.meta).toBeNull();
    expect((await store.list()).find((lead) => lead.id === id)?.meta).toBeNull();
    expect((await store.listDue(new Date(), ['webhook'])).map((lead) => lead.id)).not.toContain(id);
  });

  it('ties a submission to the first lead only', async () => {
    const store = createLeadStore();
    const hash = 'a'.repeat(64);
    const first = crypto.randomUUID();
    expect(await store.claimSubmission(hash, first)).toBe(first);
    expect(await store.claimSubmission(hash, crypto.randomUUID())).toBe(first);
  });

  it('deletes a lead with its submission entry, and tolerates a missing lead', async () => {
    const store = createLeadStore();
    const hash = 'b'.repeat(64);
    const id = crypto.randomUUID();
    await store.claimSubmission(hash, id);
    await store.put(id, 's', meta({ submission: hash }));
    await store.delete(id);
    expect(await store.get(id)).toBeNull();
    const next = crypto.randomUUID();
    expect(await store.claimSubmission(hash, next)).toBe(next);
    await expect(store.delete(crypto.randomUUID())).resolves.toBeUndefined();
  });
});

describe('metadata', () => {
  it('starts every configured channel pending at arrival', () => {
    expect(meta().channels['email']).toEqual({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: receivedAt.toISOString(),
      lastAttemptAt: null,
      deliveredAt: null,
      lastError: null,
    });
  });

  it.each([
    ['at arrival', 0, true],
    ['before arrival', -1, false],
  ])('a new lead is due %s: %s', (_, offset, expected) => {
    expect(isDue(meta(), 'webhook', new Date(receivedAt.getTime() + offset))).toBe(expected);
  });

  it('carries no personal data and fits Blobs metadata limits', async () => {
    // A real lead, stored the way the handler stores it; then everything on the Blobs
    // server's disk (keys, metadata, sealed body) is searched for the person's details.
    const store = createLeadStore();
    const submitted = validateCallback({ ...VALID, submissionId: crypto.randomUUID() });
    if (!submitted.ok) throw new Error('VALID must validate');
    const { leadId } = await storeLead(
      {
        leads: store,
        keys: await testKeys(),
        newId: () => crypto.randomUUID(),
        channels: ['webhook', 'email'],
      },
      submitted.value,
      receivedAt,
      VALID.page,
    );
    const stored = (await store.getMeta(leadId))!.meta!;
    // The page is health information too: sealed, not readable metadata.
    expect(stored).not.toHaveProperty('page');
    const onDisk = [...(await filesOnDisk(blobs.directory))]
      .map(([path, bytes]) => `${path}\n${bytes.toString('utf8')}`)
      .join('\n');
    expect(onDisk).toContain(leadId);
    for (const secret of [...SECRETS, '+14155552671']) {
      expect(JSON.stringify(stored)).not.toContain(secret);
      expect(onDisk).not.toContain(secret);
    }
    // The largest metadata a lead can carry still fits Netlify's 2 KB.
    const largest = meta({
      submission: 'f'.repeat(64),
      flags: ['alerted:email:webhook', 'alerted:webhook:email'],
      lease: { token: crypto.randomUUID(), until: receivedAt.toISOString() },
    });
    expect(new TextEncoder().encode(JSON.stringify(largest)).length).toBeLessThan(2048);
  });
});
