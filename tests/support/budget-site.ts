/**
 * Measures every page of a built site folder (the real dist/ or a fixture's) against the
 * budgets in budgets.ts, and formats the table the budget test prints.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { kb, measurePage, type PageBudget, type ReadAsset } from './budgets.ts';

/** Every .html file under `dir` as its URL path ("/articles/x/", "/404.html"). */
export function htmlPaths(dir: string): { path: string; file: string }[] {
  if (!existsSync(dir)) throw new Error(`${dir} is missing: run \`npm run build\` first.`);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((file) => file.endsWith('.html'));
  return files
    .map((file) => {
      const rel = relative(dir, file).split(sep).join('/');
      return { path: '/' + rel.replace(/(^|\/)index\.html$/, '$1'), file };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Reads a built file by URL path; never outside `dir`. Folders resolve to index.html. */
export function assetReader(dir: string): ReadAsset {
  const root = resolve(dir);
  return (urlPath) => {
    let path: string;
    try {
      path = resolve(root, '.' + decodeURIComponent(urlPath));
    } catch {
      return undefined;
    }
    if (path !== root && !path.startsWith(root + sep)) return undefined;
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    return existsSync(path) ? readFileSync(path) : undefined;
  };
}

export function measureSite(dir: string, siteOrigin: string): PageBudget[] {
  const read = assetReader(dir);
  return htmlPaths(dir).map(({ path, file }) =>
    measurePage(path, readFileSync(file, 'utf8'), read, siteOrigin),
  );
}

/** page | HTML gz | CSS gz | JS gz | images | total, one row a page, widest figures first. */
export function budgetTable(reports: PageBudget[]): string {
  const size = (n: number) => (n === 0 ? '0' : kb(n));
  const rows = reports.map((r) => [
    r.path,
    size(r.htmlGz),
    size(r.cssGz),
    size(r.jsGz),
    r.images === 0 ? '0' : `${r.images} (${kb(r.imageBytes)})`,
    size(r.total),
  ]);
  const head = ['page', 'HTML gz', 'CSS gz', 'JS gz', 'images', 'total'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    'HTML gz includes the inlined CSS; CSS gz is that CSS on its own (plus any linked sheet).',
    'total = HTML + linked CSS + JS + the largest candidate of each image, all gzipped except images.',
  ].join('\n');
}
