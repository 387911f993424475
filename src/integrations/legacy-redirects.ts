/**
 * Writes the old addresses in src/legacy-urls.ts into dist/_redirects as 301s, after
 * checking that each leads to a page of this build. Lines already in _redirects (from
 * public/_redirects) are kept first.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { redirectLines, redirectProblems, type LegacyRedirect } from '../lib/seo/redirects.ts';
import { listFiles } from './files.ts';

export function legacyRedirects(redirects: readonly LegacyRedirect[]): AstroIntegration {
  return {
    name: 'legacy-redirects',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const problems = redirectProblems(redirects, new Set(listFiles(outDir)));
        if (problems.length > 0) throw new Error(`Legacy redirects are broken:\n  ${problems.join('\n  ')}`);
        const file = join(outDir, '_redirects');
        const existing = existsSync(file) ? readFileSync(file, 'utf8').trimEnd() + '\n\n' : '';
        const lines = ['# Old WordPress addresses (src/legacy-urls.ts)', ...redirectLines(redirects)];
        writeFileSync(file, existing + lines.join('\n') + '\n');
        logger.info(`${redirects.length} legacy redirects written to _redirects.`);
      },
    },
  };
}
