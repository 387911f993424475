/**
 * Writes dist/_headers: the security headers for every static response, with one
 * Content-Security-Policy header built from the hashes Astro put in each page's
 * <meta> policy, plus frame-ancestors, which only a header can carry.
 */
import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile, htmlCacheRules, SECURITY_HEADERS, unionCsp } from '../lib/security-headers.ts';
import { htmlFiles, mapConcurrently } from './files.ts';

const META_CSP = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i;

export function securityHeaders(): AstroIntegration {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const pages = await htmlFiles(out);
        // Read a few pages at a time; the union keeps the pages' order.
        const policies = await mapConcurrently(pages, 16, async (file) => {
          const policy = META_CSP.exec(await readFile(file, 'utf8'))?.[1];
          if (!policy)
            throw new Error(`${file} has no Content-Security-Policy meta tag: is security.csp on?`);
          return policy.replaceAll('&#39;', "'");
        });
        const csp = unionCsp(policies);
        await writeFile(
          join(out, '_headers'),
          headersFile([
            { path: '/*', headers: { ...SECURITY_HEADERS, 'Content-Security-Policy': csp } },
            ...htmlCacheRules(pages.map((file) => relative(out, file))),
          ]),
        );
        logger.info(`_headers written: one policy for ${policies.length} pages (${csp.length} characters)`);
      },
    },
  };
}
