/**
 * Starts `npm start`'s server (scripts/serve.ts) for a script that needs the site
 * running, on its own port and state folder, and stops it by its process id.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalServer {
  url: string;
  stop(): Promise<void>;
}

export async function startLocalServer(port: number, env: Record<string, string> = {}): Promise<LocalServer> {
  const state = await mkdtemp(join(tmpdir(), 'site-server-'));
  const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'serve.ts')], {
    env: { ...process.env, PORT: String(port), LEAD_DEV_STATE_DIR: state, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await rm(state, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/`)).ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The local server did not start on ${url}:\n${output}`);
}
