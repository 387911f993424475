import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the e2e server keeps its Blobs store: fixed, so every Playwright worker finds it. */
export const E2E_STATE_DIR = join(tmpdir(), 'treatment-center-e2e-state');
/** A test-only key, so tests can decrypt what the server stored. */
export const E2E_LEAD_KEY = Buffer.alloc(32, 7).toString('base64');
