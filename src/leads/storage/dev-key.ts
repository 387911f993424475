/**
 * A development-only encryption key, kept in the local server's state folder so leads
 * stored in one run can still be opened in the next. Never used in production.
 */
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toBase64 } from '../runtime/base64.ts';

export const DEV_KEY_FILE = 'lead-encryption-key';
const NOTICE_FILE = 'dev-key-notice';

export interface DevKey {
  key: string;
  path: string;
  created: boolean;
}

const isCode = (error: unknown, code: string) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;

export async function loadDevKey(dir: string): Promise<DevKey> {
  const path = join(dir, DEV_KEY_FILE);
  try {
    return { key: (await readFile(path, 'utf8')).trim(), path, created: false };
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const key = toBase64(crypto.getRandomValues(new Uint8Array(32)));
  // Write elsewhere, then link into place: link fails if the file exists, so when several
  // fresh workers start at once one key wins and nobody reads a half-written file.
  const temp = `${path}.${crypto.randomUUID()}.tmp`;
  await writeFile(temp, `${key}\n`, { mode: 0o600 });
  try {
    await link(temp, path);
    return { key, path, created: true };
  } catch (error) {
    if (!isCode(error, 'EEXIST')) throw error;
    return { key: (await readFile(path, 'utf8')).trim(), path, created: false };
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * True the first time a server process asks. The local server runs each call in a fresh
 * worker thread, so module state cannot remember a warning; the threads share one process
 * id, kept in a file beside the key.
 */
export async function firstNoticeThisProcess(dir: string): Promise<boolean> {
  const path = join(dir, NOTICE_FILE);
  const pid = String(process.pid);
  try {
    if ((await readFile(path, 'utf8')) === pid) return false;
  } catch {
    // No notice yet.
  }
  await writeFile(path, pid).catch(() => undefined);
  return true;
}
