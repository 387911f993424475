/**
 * The sitemap as the build wrote it: the `<loc>`s of the sitemap index and of every
 * sitemap it lists. A missing file is reported by name, not read as an empty list, so
 * the SEO guard can fail a build that has no sitemap instead of passing it.
 */
export type BuiltSitemap = string[] | { missing: string };

export const SITEMAP_INDEX = '/sitemap-index.xml';

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.trim());

/** `read`: a file of the build folder by URL path ("/sitemap-0.xml"), undefined when absent. */
export function readSitemap(read: (file: string) => string | undefined, index = SITEMAP_INDEX): BuiltSitemap {
  const root = read(index);
  if (root === undefined) return { missing: index };
  const urls: string[] = [];
  for (const sitemap of locs(root)) {
    const file = new URL(sitemap).pathname;
    const xml = read(file);
    if (xml === undefined) return { missing: file };
    urls.push(...locs(xml));
  }
  return urls;
}
