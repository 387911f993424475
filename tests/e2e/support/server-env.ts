import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Port of the e2e server; E2E_PORT lets two runs share a machine. */
export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 4322);
/** Where the e2e server keeps its Blobs store: fixed per port, so every worker finds it. */
export const E2E_STATE_DIR = join(tmpdir(), `treatment-center-e2e-state-${E2E_PORT}`);
/** A test-only key, so tests can decrypt what the server stored. */
export const E2E_LEAD_KEY = Buffer.alloc(32, 7).toString('base64');
