import { existsSync, readdirSync } from 'node:fs';
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
