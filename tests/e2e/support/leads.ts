/**
 * Reads the leads that the e2e server stored, through the project's own store and
 * decryption code, from the Blobs folder the server was given (LEAD_DEV_STATE_DIR).
 */
import { BlobsServer } from '@netlify/blobs/server';
import { setEnvironmentContext } from '@netlify/blobs';
import { join } from 'node:path';
import { importLeadKeys } from '../../../src/leads/storage/lead-key.ts';
import type { LeadRecord } from '../../../src/leads/storage/record.ts';
import { openLead } from '../../../src/leads/storage/sealed-lead.ts';
import { createLeadStore } from '../../../src/leads/storage/store.ts';
import { E2E_LEAD_KEY, E2E_STATE_DIR } from './server-env.ts';

export async function readStoredLeads(): Promise<LeadRecord[]> {
  const token = 'e2e-reader';
  const server = new BlobsServer({ directory: join(E2E_STATE_DIR, 'blobs'), token });
  const { port } = await server.start();
  try {
    const url = `http://127.0.0.1:${port}`;
    setEnvironmentContext({ edgeURL: url, uncachedEdgeURL: url, siteID: 'local', token });
    const store = createLeadStore();
    const keys = await importLeadKeys(E2E_LEAD_KEY);
    const leads = await Promise.all(
      (await store.list()).map(async ({ id }) => {
        const stored = await store.get(id);
        return stored ? openLead(keys, id, stored.sealed) : undefined;
      }),
    );
    return leads.filter((lead): lead is LeadRecord => lead !== undefined);
  } finally {
    await server.stop();
  }
}
