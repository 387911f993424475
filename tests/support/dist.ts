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

/**
 * Pages every build of this site has. A test over dist/ that finds none of them (an empty
 * or half-written dist/) would have nothing to check and pass: it must fail instead.
 */
export const REQUIRED_PAGES = [
  '/',
  '/404',
  '/callback/',
  '/callback/thanks/',
  '/articles/',
  '/programs/',
  '/admissions/',
  '/locations/',
] as const;

/** `builtPages()`, failing when dist/ lacks a page every build has or a page is empty. */
export function builtSitePages(): BuiltPage[] {
  const pages = builtPages();
  const paths = new Set(pages.map((page) => page.path));
  const missing = REQUIRED_PAGES.filter((path) => !paths.has(path));
  const kinds = ['articles', 'programs', 'locations'].filter(
    (section) => !pages.some((page) => new RegExp(`^/${section}/[^/]+/$`).test(page.path)),
  );
  const empty = pages.filter((page) => page.$('main h1').text().trim() === '').map((page) => page.path);
  const problems = [
    ...missing.map((path) => `${path} is missing`),
    ...kinds.map((section) => `no /${section}/<slug>/ page`),
    ...empty.map((path) => `${path} has no <main> with an <h1>`),
  ];
  if (problems.length > 0)
    throw new Error(`dist/ is not a full build (${problems.join('; ')}): run \`npm run build\`.`);
  return pages;
}
