import { existsSync, readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Every file under `dir`, as "/"-separated paths relative to it, each starting with "/". */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const walk = (current: string): string[] =>
    readdirSync(current, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(current, entry.name)) : [join(current, entry.name)],
    );
  return walk(dir).map((file) => '/' + relative(dir, file).split(sep).join('/'));
}

/** Absolute paths of the built HTML pages under `dir`. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** `<loc>`s of a sitemap index and the sitemaps it lists (read from the build folder). */
export function sitemapLocs(
  xml: (file: string) => string | undefined,
  index = '/sitemap-index.xml',
): string[] | undefined {
  const locs = (text: string) => [...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.trim());
  const root = xml(index);
  if (root === undefined) return undefined;
  return locs(root).flatMap((url) => locs(xml(new URL(url).pathname) ?? ''));
}

/**
 * Runs `task` on every item with at most `limit` in flight, so reading and writing
 * thousands of built pages overlaps file I/O without holding every page in memory at once.
 * Results keep the order of the items.
 */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
