/**
 * Fails the build when a built page breaks an SEO rule: duplicate titles or descriptions,
 * a title or description out of range, a canonical or robots tag that does not follow the
 * rules, an internal link or image that does not resolve, a broken JSON-LD graph, or a
 * sitemap that does not list exactly the indexable pages. Every problem names the file to
 * fix. (Clinical review rules are checked earlier, when content loads: src/lib/seo/review.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { findSeoProblems } from '../lib/seo/guards.ts';
import { readPageFacts, type PageFacts } from '../lib/seo/page-facts.ts';
import { createSourceLookup, type RouteSource } from '../lib/seo/sources.ts';
import { readSitemap } from '../lib/seo/sitemap.ts';
import { listFiles } from './files.ts';

export interface SeoGuardOptions {
  /** The production origin, no trailing slash (site.url). */
  origin: string;
  /** The site name that follows every title (site.name). */
  siteName: string;
  /** Facts already read by the sitemap (sitemap-pages.ts); pages it did not read are parsed here. */
  factsOf?: (file: string) => PageFacts | undefined;
}

export function seoGuards({ origin, siteName, factsOf }: SeoGuardOptions): AstroIntegration {
  let root = '';
  let routes: RouteSource[] = [];
  return {
    name: 'seo-guards',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:routes:resolved': ({ routes: resolved }) => {
        routes = resolved
          .filter((r) => r.origin === 'project' && r.type === 'page')
          .map((r) => ({ pattern: r.patternRegex, entrypoint: r.entrypoint }));
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = listFiles(outDir);
        const read = (file: string) => {
          try {
            return readFileSync(join(outDir, file), 'utf8');
          } catch {
            return undefined;
          }
        };
        const pages = files
          .filter((f) => f.endsWith('.html'))
          .map((f) => factsOf?.(f.slice(1)) ?? readPageFacts(read(f) ?? '', f.slice(1)));
        const contentFiles = listFiles(join(root, 'src/content')).map((f) => `src/content${f}`);
        const problems = findSeoProblems(pages, {
          origin,
          siteName,
          files: new Set(files),
          // Always compared: a build without its sitemap fails here.
          sitemap: readSitemap(read),
          sourceOf: createSourceLookup(contentFiles, routes),
        });
        if (problems.length > 0) {
          throw new Error(
            `SEO checks failed on ${problems.length} ${problems.length === 1 ? 'point' : 'points'}:\n  ${problems.join('\n  ')}`,
          );
        }
        logger.info(`${pages.length} pages pass the SEO checks.`);
      },
    },
  };
}
