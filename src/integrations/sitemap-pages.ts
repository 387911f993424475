/**
 * Sitemap options that read each built page: a page whose head says `robots: noindex`
 * (thanks, 404, later article pages; see src/lib/seo/indexing.ts) is left out, and
 * `lastmod` is the `dateModified` of the page's JSON-LD (content update dates).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { SitemapOptions } from '@astrojs/sitemap';
import { readPageFacts, type PageFacts } from '../lib/seo/page-facts.ts';

export function sitemapFromBuiltPages(): {
  integration: AstroIntegration;
  options: NonNullable<SitemapOptions>;
  /** Facts of the pages the sitemap has read, so the SEO guards need not parse them again. */
  factsOf: (file: string) => PageFacts | undefined;
} {
  let outDir: string | undefined;
  const cache = new Map<string, PageFacts | undefined>();
  const facts = (url: string): PageFacts | undefined => {
    if (!outDir) throw new Error('sitemap-pages: the build folder is not known yet.');
    const path = new URL(url).pathname;
    const file = path.endsWith('/') ? `${path.slice(1)}index.html` : `${path.slice(1)}.html`;
    if (!cache.has(file)) {
      let html: string | undefined;
      try {
        html = readFileSync(join(outDir, file), 'utf8');
      } catch {
        html = undefined;
      }
      cache.set(file, html === undefined ? undefined : readPageFacts(html, file));
    }
    return cache.get(file);
  };
  return {
    factsOf: (file) => cache.get(file),
    integration: {
      name: 'sitemap-pages',
      hooks: {
        'astro:config:done': ({ config }) => {
          outDir = fileURLToPath(config.outDir);
        },
      },
    },
    options: {
      filter: (page) => {
        const page_ = facts(page);
        return page_ !== undefined && !page_.noindex;
      },
      serialize: (item) => {
        const modified = facts(item.url)?.dateModified;
        return modified ? { ...item, lastmod: modified } : item;
      },
    },
  };
}
