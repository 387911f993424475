/**
 * Checks the Cache-Control every built file will get on Netlify, read with Netlify's own
 * parser from netlify.toml and the generated dist/_headers, so the path matching is theirs.
 *
 *  - /_astro/* files carry a content hash in their name, so they can be cached for a year
 *    and marked immutable: a changed file gets a new name.
 *  - HTML must revalidate, so a new deploy is seen on the next visit.
 *  - No file may match two rules that set Cache-Control: matching rules all apply and the
 *    values may be joined into one contradictory header.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllHeaders, type Header } from '@netlify/headers-parser';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** A content hash as Vite writes it: ".<8 or more url-safe characters>." before the extension. */
const HASHED_NAME = /\.[\w-]{8,}\.\w+$/;

export interface CacheFiles {
  /** URL paths of the built HTML pages. */
  html: string[];
  /** URL paths of the files under /_astro/. */
  assets: string[];
}

export async function cacheRuleProblems(root: string, distDir: string, files: CacheFiles): Promise<string[]> {
  const headersFile = join(distDir, '_headers');
  const { headers, errors } = await parseAllHeaders({
    headersFiles: existsSync(headersFile) ? [headersFile] : [],
    netlifyConfigPath: join(root, 'netlify.toml'),
    configHeaders: [],
    minimal: false,
  });
  const problems = errors.map((error) => `netlify.toml or _headers: ${error.message}`);
  const rules = headers as Header[];

  const cacheControl = (path: string): string | undefined => {
    const values = rules
      .filter((rule) => rule.forRegExp.test(path))
      .flatMap((rule) =>
        Object.entries(rule.values).filter(([name]) => name.toLowerCase() === 'cache-control'),
      )
      .map(([, value]) => value);
    if (values.length > 1)
      problems.push(`${path} matches ${values.length} Cache-Control rules: ${values.join(' | ')}`);
    return values[0];
  };

  for (const path of files.assets) {
    if (!HASHED_NAME.test(path))
      problems.push(`${path} has no content hash in its name, so it cannot be immutable`);
    const value = cacheControl(path);
    if (value !== IMMUTABLE)
      problems.push(`${path} gets Cache-Control "${value ?? '(none)'}", expected "${IMMUTABLE}"`);
  }
  for (const path of files.html) {
    const value = cacheControl(path);
    if (!value || !/max-age=0\b/.test(value) || !/\b(must-revalidate|no-cache)\b/.test(value)) {
      problems.push(
        `${path} gets Cache-Control "${value ?? '(none)'}": HTML must revalidate (htmlCacheRules in src/lib/security-headers.ts writes those rules)`,
      );
    }
  }
  return problems;
}
