/**
 * A throw-away copy of this site for build tests: the real config, schemas, pages and
 * content, plus whatever files a test adds or replaces. node_modules is linked, not
 * copied, so a fixture costs one build and a few megabytes.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const skipped = new Set([
  'node_modules',
  'dist',
  '.astro',
  '.git',
  '.netlify',
  'tests',
  'reports',
  'test-results',
]);

/** Caches under node_modules that each fixture must have to itself. */
const cacheDirs = new Set(['.astro', '.vite', '.cache']);

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
  const root = await mkdtemp(join(tmpdir(), 'site-fixture-'));
  await cp(projectRoot, root, {
    recursive: true,
    filter: (source) => !skipped.has(relative(projectRoot, source).split('/')[0] ?? ''),
  });
  // node_modules is linked entry by entry rather than as a whole: Astro keeps its cache
  // (the content data store, processed images) in node_modules/.astro, and fixtures that
  // build at the same time must not read each other's content from it.
  await mkdir(join(root, 'node_modules'));
  for (const entry of await readdir(join(projectRoot, 'node_modules'))) {
    if (cacheDirs.has(entry)) continue;
    await symlink(join(projectRoot, 'node_modules', entry), join(root, 'node_modules', entry));
  }
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return {
    root,
    build: (env = {}) => run('npm', ['run', 'build'], root, env),
    remove: () => rm(root, { recursive: true, force: true }),
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
