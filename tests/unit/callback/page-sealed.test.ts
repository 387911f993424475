/**
 * The page a request was sent from can itself be health information (an article about
 * one substance), so it is kept only inside the sealed record: never in the readable
 * metadata, never in what `npm run leads -- show` prints as safe to paste.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordReport, stateReport } from '../../../src/leads/delivery/operator.ts';
import { handleCallback } from '../../../src/leads/intake/handler.ts';
import { parseMeta } from '../../../src/leads/storage/metadata.ts';
import { openLead } from '../../../src/leads/storage/sealed-lead.ts';
import { filesOnDisk, startBlobs, type TestBlobs } from './support/blobs.ts';
import { ORIGIN, VALID, makeDeps, randomIp, submit, testKeys } from './support/fixtures.ts';

// A path that names a condition: the kind of fact that must stay sealed.
const PAGE = '/articles/fentanyl-withdrawal-timeline/';

let blobs: TestBlobs;
let leadId: string;
let deps: Awaited<ReturnType<typeof makeDeps>>;

beforeAll(async () => {
  blobs = await startBlobs();
  deps = await makeDeps({ afterStore: async () => {} });
  const response = await handleCallback(
    submit('json', { ...VALID, page: PAGE }, { referer: `${ORIGIN}${PAGE}` }),
    randomIp(),
    deps,
  );
  expect(response.status).toBe(202);
  leadId = ((await response.json()) as { id: string }).id;
});
afterAll(() => blobs.stop());

describe('the page a lead came from', () => {
  it('is in the sealed record, where admissions reads it', async () => {
    const stored = (await deps.leads.get(leadId))!;
    expect((await openLead(await testKeys(), leadId, stored.sealed)).page).toBe(PAGE);
  });

  it('is nowhere in the readable metadata, through the store or on disk', async () => {
    const meta = (await deps.leads.getMeta(leadId))!.meta!;
    expect(JSON.stringify(meta)).not.toContain('fentanyl');
    expect(meta).not.toHaveProperty('page');
    const files = await filesOnDisk(blobs.directory);
    expect(files.size).toBeGreaterThan(0);
    for (const [path, bytes] of files) {
      expect(path).not.toContain('fentanyl');
      expect(bytes.toString('utf8'), path).not.toContain('fentanyl');
    }
  });

  it('is not in the state report that is safe to paste, only in the decrypted part', async () => {
    const stored = (await deps.leads.get(leadId))!;
    expect(stateReport(leadId, stored.meta, new Date())).not.toContain('fentanyl');
    const record = await openLead(await testKeys(), leadId, stored.sealed);
    expect(recordReport(record)).toContain(`page      ${PAGE}`);
  });

  it('metadata written by older code still parses, and loses its page', () => {
    const older = {
      schema: 1,
      receivedAt: '2026-11-30T10:00:00.000Z',
      consentVersion: 'c1-14ab5db63891',
      page: PAGE,
      submission: null,
      channels: {},
      flags: [],
    };
    const parsed = parseMeta(older);
    expect(parsed).not.toBeNull();
    expect(JSON.stringify(parsed)).not.toContain('fentanyl');
  });
});
