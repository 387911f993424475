/**
 * A throw-away copy of this site for build tests: the real config, schemas, pages and
 * content, plus whatever files a test adds or replaces. node_modules is linked, not
 * copied, so a fixture costs one build and a few megabytes.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copySite } from '../../scripts/perf/site-copy.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export interface BuildResult {
  code: number | null;
  output: string;
}

export interface FixtureSite {
  root: string;
  build(env?: Record<string, string | undefined>): Promise<BuildResult>;
  remove(): Promise<void>;
}

export async function createFixtureSite(files: Record<string, string> = {}): Promise<FixtureSite> {
  const { root, remove } = await copySite(projectRoot);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return {
    root,
    build: (env = {}) => run('npm', ['run', 'build'], root, env),
    remove,
  };
}

function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string | undefined>,
): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NODE_ENV: '', CONTEXT: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
