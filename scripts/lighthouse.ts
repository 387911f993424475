/**
 * `npm run lighthouse [-- --no-build] [--runs=N] [--raw] [paths…]`: builds the site,
 * serves it with `npm start`'s server on a free loopback port, and runs Lighthouse
 * (mobile emulation, default simulated Slow 4G throttling) in Debian's Chromium on each
 * page. Prints the four category scores, LCP, CLS, TBT and bytes transferred; writes
 * each report to reports/lighthouse/ (git-ignored). Exits 1 when a page misses a target.
 *
 * Requests go through a gzip proxy (perf/compress-proxy.ts) as they go through Netlify's
 * CDN in production; --raw measures the uncompressed local server instead.
 *
 * Each page runs 3 times (--runs) and the median run is reported: on a 2-core machine a
 * build or test running next to Lighthouse inflates one run's blocking time, and the
 * median is what Lighthouse's own guidance on variability recommends.
 *
 * Not part of `npm test`: about 20 s a run.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startCompressingProxy } from './perf/compress-proxy.ts';
import { startSiteServer } from './perf/server.ts';
import { table } from './perf/table.ts';

const root = join(import.meta.dirname, '..');
const reportsDir = join(root, 'reports', 'lighthouse');
const chrome = process.env['CHROME_PATH'] ?? process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const DEFAULT_PATHS = ['/', '/articles/iop-vs-outpatient/', '/programs/intensive-outpatient/', '/callback/'];
/** Targets: 100 in every category, and the largest paint within 1.5 s on a throttled phone. */
const TARGET_SCORE = 100;
const TARGET_LCP_MS = 1500;

interface Result {
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  bytes: number;
  /** Lighthouse's measure of this machine's speed then; lower means it was busy. */
  benchmarkIndex: number;
  report: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args[0]} exited ${code}`)),
    );
  });
}

async function audit(origin: string, path: string, attempt: number): Promise<Result> {
  const name = path === '/' ? 'home' : path.replace(/^\/|\/$/g, '').replaceAll('/', '--');
  const base = join(reportsDir, `${name}-${attempt}`);
  await run(
    join(root, 'node_modules', '.bin', 'lighthouse'),
    [
      origin + path,
      '--quiet',
      `--only-categories=${CATEGORIES.join(',')}`,
      '--chrome-flags=--headless --no-sandbox --disable-gpu',
      '--output=json',
      '--output=html',
      `--output-path=${base}`,
    ],
    { ...process.env, CHROME_PATH: chrome },
  );
  const lhr = JSON.parse(await readFile(`${base}.report.json`, 'utf8'));
  if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`);
  const audit = (id: string): number => lhr.audits[id].numericValue;
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => [id, Math.round(lhr.categories[id].score * 100)]),
  ) as Result['scores'];
  return {
    path,
    scores,
    lcpMs: audit('largest-contentful-paint'),
    cls: audit('cumulative-layout-shift'),
    tbtMs: audit('total-blocking-time'),
    bytes: audit('total-byte-weight'),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    report: `${base}.report.html`,
  };
}

/**
 * Headless Chromium now and then loses a trace ("NO_NAVSTART") or a navigation; that says
 * nothing about the page, so such a run is tried again, up to three times.
 */
async function auditWithRetry(origin: string, path: string, attempt: number): Promise<Result> {
  for (let tries = 1; ; tries++) {
    try {
      return await audit(origin, path, attempt);
    } catch (error) {
      if (tries >= 3) throw error;
      console.warn(`Lighthouse failed on ${path} (${(error as Error).message}); trying again.`);
    }
  }
}

/** The middle run by performance score, then LCP. */
function median(runs: Result[]): Result {
  const sorted = [...runs].sort((a, b) => a.scores.performance - b.scores.performance || b.lcpMs - a.lcpMs);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const args = process.argv.slice(2);
const paths = args.filter((arg) => arg.startsWith('/'));
const runs = Math.max(
  1,
  Number(/^--runs=(\d+)$/.exec(args.find((arg) => arg.startsWith('--runs=')) ?? '')?.[1] ?? 3),
);
const raw = args.includes('--raw');
if (!args.includes('--no-build')) await run('npm', ['run', 'build', '--silent']);
await mkdir(reportsDir, { recursive: true });

const server = await startSiteServer(root);
const proxy = raw ? undefined : await startCompressingProxy(server.origin);
const results: Result[] = [];
const allRuns = new Map<string, Result[]>();
try {
  for (const path of paths.length > 0 ? paths : DEFAULT_PATHS) {
    const pageRuns: Result[] = [];
    for (let i = 1; i <= runs; i++) {
      console.info(`Lighthouse: ${path} (run ${i} of ${runs})`);
      pageRuns.push(await auditWithRetry(proxy?.origin ?? server.origin, path, i));
    }
    allRuns.set(path, pageRuns);
    results.push(median(pageRuns));
  }
} finally {
  await proxy?.stop();
  await server.stop();
}

console.info(
  '\n' +
    table(
      ['page', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP', 'CLS', 'TBT', 'transferred', 'perf of each run'],
      results.map((r) => [
        r.path,
        ...CATEGORIES.map((id) => String(r.scores[id])),
        `${(r.lcpMs / 1000).toFixed(2)} s`,
        r.cls.toFixed(3),
        `${Math.round(r.tbtMs)} ms`,
        `${(r.bytes / 1024).toFixed(1)} KB`,
        (allRuns.get(r.path) ?? [])
          .map((x) => `${x.scores.performance} (bench ${Math.round(x.benchmarkIndex)})`)
          .join(', '),
      ]),
    ),
);
console.info(
  `\nMedian of ${runs} run(s) a page; Lighthouse in ${chrome}, mobile, simulated Slow 4G,` +
    ` ${raw ? 'uncompressed local server' : 'gzip as on Netlify'}. HTML reports: ${reportsDir}/`,
);

const missed = results.flatMap((r) => [
  ...CATEGORIES.filter((id) => r.scores[id] < TARGET_SCORE).map((id) => `${r.path}: ${id} ${r.scores[id]}`),
  ...(r.lcpMs >= TARGET_LCP_MS ? [`${r.path}: LCP ${(r.lcpMs / 1000).toFixed(2)} s`] : []),
]);
if (missed.length > 0) {
  console.error(`Targets missed (100 everywhere, LCP < 1.5 s):\n  ${missed.join('\n  ')}`);
  process.exitCode = 1;
}
