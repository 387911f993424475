/** Reads the built site in dist/ for tests that check every page. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { projectRoot } from './fixture-site.ts';

export const distDir = join(projectRoot, 'dist');

export function distFiles(dir = distDir): string[] {
  if (!existsSync(distDir)) throw new Error('dist/ is missing: run `npm run build` before these tests.');
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? distFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

export interface BuiltPage {
  /** URL path, e.g. "/articles/iop-vs-outpatient/". */
  path: string;
  file: string;
  html: string;
  $: CheerioAPI;
}

export function builtPages(): BuiltPage[] {
  return distFiles()
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const rel = relative(distDir, file).split(sep).join('/');
      const path = '/' + rel.replace(/index\.html$/, '').replace(/\.html$/, '');
      const html = readFileSync(file, 'utf8');
      return { path, file, html, $: load(html) };
    });
}
