/**
 * A throw-away copy of the project, for benchmarks and for the build tests'
 * fixture sites (tests/support/fixture-site.ts): everything but node_modules, build output and history is copied, so
 * generated content never touches the real src/content.
 *
 * One difference: node_modules is a real folder of links to each package, not one link to
 * the whole folder. Astro keeps its content and image cache in node_modules/.astro; behind
 * a single link that cache would be the real project's, so a benchmark would not start
 * cold and would leave thousands of entries in it.
 */
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const SKIPPED = new Set([
  'node_modules',
  'dist',
  '.astro',
  '.git',
  '.netlify',
  'tests',
  'reports',
  'test-results',
]);

export interface SiteCopy {
  root: string;
  remove(): Promise<void>;
}

export async function copySite(projectRoot: string): Promise<SiteCopy> {
  const root = await mkdtemp(join(tmpdir(), 'site-bench-'));
  await cp(projectRoot, root, {
    recursive: true,
    filter: (source) => !SKIPPED.has(relative(projectRoot, source).split('/')[0] ?? ''),
  });
  const modules = join(projectRoot, 'node_modules');
  await mkdir(join(root, 'node_modules'));
  for (const name of await readdir(modules)) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    await symlink(join(modules, name), join(root, 'node_modules', name));
  }
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
