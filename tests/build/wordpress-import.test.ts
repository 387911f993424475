/**
 * `npm run import:wordpress` end to end, on the two real exports in ../shared: import into a
 * copy of the site, build it, import again (nothing may change), feed it a truncated export
 * (nothing may change either), and scan everything it wrote for the exports' email and IP
 * addresses. The numbers of each run are printed for the issue's closing note.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySite } from '../../scripts/perf/site-copy.ts';
import { projectRoot } from '../support/fixture-site.ts';

const fixtures = join(projectRoot, '../shared/fixtures/wordpress');
const haveFixtures = existsSync(join(fixtures, 'themeunittestdata.wordpress.xml'));
if (!haveFixtures) console.warn('WordPress import tests skipped: ../shared/fixtures/wordpress is absent.');

const today = new Date().toISOString().slice(0, 10);

function run(command: string, args: string[], cwd: string) {
  return new Promise<{ code: number | null; output: string; ms: number }>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NODE_ENV: '', CONTEXT: '', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, ms: performance.now() - started }));
  });
}

/** Every file under src/ and reports/ with its hash: what an import may touch. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const top of ['src', 'reports']) {
    const dir = join(root, top);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      const path = join(dir, file);
      if (statSync(path).isFile())
        out.set(relative(root, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  }
  return out;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;

/** Emails and IPs of authors and commenters: the export's only personal data. */
function personalData(xml: string): string[] {
  const fields = /<wp:(?:author_email|comment_author_email|comment_author_IP)>(?:<!\[CDATA\[)?([^<\]]*)/g;
  return [...new Set([...xml.matchAll(fields)].map((m) => m[1]!.trim()).filter((v) => v.length > 3))];
}

describe.skipIf(!haveFixtures).each([
  { name: 'themeunittestdata', file: 'themeunittestdata.wordpress.xml', uploads: undefined },
  { name: 'wptest', file: 'wptest/wptest.xml', uploads: 'wptest/uploads' },
])('importing $name (skipped without ../shared)', ({ name, file, uploads }) => {
  let site: Awaited<ReturnType<typeof copySite>>;
  const exportFile = join(fixtures, file);
  const args = () => [
    'scripts/import-wordpress.ts',
    exportFile,
    ...(uploads ? ['--uploads', join(fixtures, uploads)] : []),
    '--reviewed-by',
    'clinical-review-team',
    '--reviewed-on',
    today,
  ];
  let first: Awaited<ReturnType<typeof run>>;
  let afterFirst: Map<string, string>;

  beforeAll(async () => {
    site = await copySite(projectRoot);
    first = await run(process.execPath, args(), site.root);
    afterFirst = snapshot(site.root);
  }, 120_000);
  afterAll(() => site?.remove());

  it('finishes and accounts for every item of the export', () => {
    expect(first.code, first.output).toBe(0);
    const items = (readFileSync(exportFile, 'utf8').match(/<item>/g) ?? []).length;
    expect(first.output).toContain(`${items} items in the export`);
    const report = JSON.parse(readFileSync(join(site.root, 'reports/wordpress-import.json'), 'utf8')) as {
      summary: Record<string, { imported: number }>;
    };
    expect(report.summary.articles!.imported).toBeGreaterThan(10);
    console.info(`[${name}] import ${Math.round(first.ms)} ms\n${first.output}`);
  });

  it('builds afterwards with no manual step', async () => {
    const build = await run('npm', ['run', 'build'], site.root);
    expect(build.code, build.output.slice(-4000)).toBe(0);
    console.info(`[${name}] build after import ${Math.round(build.ms)} ms`);
    const redirects = readFileSync(join(site.root, 'dist/_redirects'), 'utf8');
    expect(redirects).toMatch(/ p=\d+ \/articles\/[^ ]+\/ 301!/);
  }, 300_000);

  it('changes no file when run again', async () => {
    const again = await run(process.execPath, args(), site.root);
    expect(again.code, again.output).toBe(0);
    const after = snapshot(site.root);
    after.delete('reports/wordpress-import.json');
    const before = new Map(afterFirst);
    before.delete('reports/wordpress-import.json');
    expect(after).toEqual(before);
    expect(again.output).toMatch(/articles\s+0\s+0\s+\d+/);
  }, 120_000);

  it('refuses a truncated export and changes no file', async () => {
    const text = readFileSync(exportFile, 'utf8');
    const truncated = join(site.root, 'truncated.xml');
    writeFileSync(truncated, text.slice(0, Math.floor(text.length / 2)));
    const before = snapshot(site.root);
    const cut = await run(process.execPath, ['scripts/import-wordpress.ts', truncated], site.root);
    expect(cut.code).toBe(1);
    expect(cut.output).toMatch(/truncated\.xml:\d+:\d+/);
    expect(snapshot(site.root)).toEqual(before);
  }, 60_000);

  it('writes no email or IP address of the export anywhere', () => {
    const secrets = personalData(readFileSync(exportFile, 'utf8'));
    expect(secrets.length).toBeGreaterThan(0);
    const leaks: string[] = [];
    for (const path of snapshot(site.root).keys()) {
      if (/\.(jpe?g|png|gif|webp|mp3|mp4|pdf|zip)$/i.test(path)) continue;
      const text = readFileSync(join(site.root, path), 'utf8');
      for (const secret of secrets)
        if (text.includes(secret)) leaks.push(`${path}: ${secret.replace(/./g, '*')}`);
      if (path.startsWith('src/content/articles/wordpress/') || path.startsWith('reports/')) {
        for (const match of text.match(IPV4) ?? []) if (secrets.includes(match)) leaks.push(`${path}: an IP`);
        for (const match of text.match(EMAIL) ?? [])
          if (secrets.includes(match)) leaks.push(`${path}: an email`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
