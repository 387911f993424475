/**
 * Finds the file an editor would open to fix a built page: the content entry behind a
 * content page (`/articles/x/` -> src/content/articles/x.mdx), otherwise the route in
 * src/pages that built it. The URL shapes mirror src/lib/urls.ts.
 */
export interface RouteSource {
  /** Matches the page's URL path. */
  pattern: RegExp;
  /** e.g. "src/pages/programs/index.astro". */
  entrypoint: string;
}

const contentPages: { url: RegExp; dir: string }[] = [
  { url: /^\/articles\/([^/]+)\/$/, dir: 'src/content/articles/' },
  { url: /^\/programs\/([^/]+)\/$/, dir: 'src/content/programs/' },
  { url: /^\/topics\/([^/]+)\/$/, dir: 'src/content/topics/' },
  { url: /^\/([^/]+)\/$/, dir: 'src/content/pages/' },
];

const baseName = (file: string) => (file.split('/').at(-1) ?? '').replace(/\.[^.]+$/, '');

/**
 * @param contentFiles paths under src/content, relative to the project, with "/" separators
 * @param routes the site's routes, most specific first
 */
export function createSourceLookup(contentFiles: string[], routes: RouteSource[]): (path: string) => string {
  // Indexed once: the guards look up every page several times, and a scan of every
  // content file per look-up made a 5,000-article build quadratic (minutes, not seconds).
  // The first file in `contentFiles` order wins, as a scan would find it.
  const byDirAndName = new Map<string, string>();
  for (const file of contentFiles) {
    for (const { dir } of contentPages) {
      const key = `${dir}|${baseName(file)}`;
      if (file.startsWith(dir) && !byDirAndName.has(key)) byDirAndName.set(key, file);
    }
  }
  return (path) => {
    for (const rule of contentPages) {
      const slug = rule.url.exec(path)?.[1];
      if (!slug) continue;
      const match = byDirAndName.get(`${rule.dir}|${slug}`);
      if (match) return match;
    }
    const variants = [path, path.replace(/\/$/, ''), path.endsWith('/') ? path : `${path}/`];
    const route = routes.find((r) => variants.some((v) => r.pattern.test(v)));
    return route?.entrypoint ?? `page ${path}`;
  };
}
