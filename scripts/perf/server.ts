/**
 * Starts `npm start`'s server (scripts/serve.ts) on a free loopback port for a measurement,
 * and stops it by its pid. The lead store goes to a temporary folder, so a run leaves
 * nothing behind in .netlify/.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalServer {
  origin: string;
  stop(): Promise<void>;
}

/** A port the kernel just handed out on 127.0.0.1 (never 8888, which `npm start` uses). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export async function startSiteServer(root: string): Promise<LocalServer> {
  const port = await freePort();
  const state = await mkdtemp(join(tmpdir(), 'perf-serve-'));
  const child = spawn(process.execPath, [join(root, 'scripts', 'serve.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LEAD_DEV_STATE_DIR: state },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
    await exited;
    await rm(state, { recursive: true, force: true });
  };

  const origin = `http://127.0.0.1:${port}`;
  for (let waited = 0; !output.includes('Serving the site'); waited += 100) {
    if (child.exitCode !== null || waited > 30_000) {
      await stop();
      throw new Error(`scripts/serve.ts did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { origin, stop };
}
