/**
 * `npm run bench [-- 1000 5000]`: for each count, copies the project to a temporary
 * folder, adds that many generated ~1,200-word MDX articles next to the real ones,
 * builds it cold (no dist/, no Astro cache) and prints the time, pages a second and the
 * peak memory of the build's process tree. Deletes each copy afterwards.
 *
 * Target on a 2-core machine: 5,000 articles in under 60 s and under 2 GB.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { delimiter, join } from 'node:path';
import { generateArticle } from './perf/articles.ts';
import { watchProcessTree } from './perf/process-tree.ts';
import { copySite, type SiteCopy } from './perf/site-copy.ts';
import { table } from './perf/table.ts';

const projectRoot = join(import.meta.dirname, '..');
const TARGET = { articles: 5000, seconds: 60, bytes: 2 * 1024 ** 3 };
const counts = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);

interface Result {
  articles: number;
  pages: number;
  seconds: number;
  /** User + system CPU time of the build: close to its wall time on an idle machine. */
  cpuSeconds: number;
  peakBytes: number;
  /** 1-minute load average when the build started: other work on the machine slows it. */
  load: number;
}

interface PackageJson {
  scripts: { build: string };
}

interface BuildRun {
  code: number | null;
  output: string;
  seconds: number;
  cpuSeconds: number;
  peak: number;
}

async function build(root: string): Promise<BuildRun> {
  const started = performance.now();
  // The build command of package.json, with its settings, run as npm would run it but
  // without npm's own process (about 60 MB) in the measured tree.
  const command = (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as PackageJson).scripts
    .build;
  const child = spawn('sh', ['-c', command], {
    cwd: root,
    env: {
      ...process.env,
      PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
      NODE_ENV: '',
      CONTEXT: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tree = watchProcessTree(child.pid!);
  let output = '';
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  const { peakRss, cpuSeconds } = tree.stop();
  return { code, output, seconds, cpuSeconds, peak: peakRss };
}

async function bench(count: number): Promise<Result> {
  let site: SiteCopy | undefined;
  const cleanUp = () => void site?.remove();
  process.once('SIGINT', cleanUp);
  try {
    site = await copySite(projectRoot);
    const folder = join(site.root, 'src', 'content', 'articles', 'bench');
    await mkdir(folder, { recursive: true });
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      const article = generateArticle(i, count, now);
      await writeFile(join(folder, article.file), article.source);
    }
    console.info(`${count} articles generated in ${site.root}; building…`);
    const load = loadavg()[0]!;
    const { code, output, seconds, cpuSeconds, peak } = await build(site.root);
    if (code !== 0)
      throw new Error(`The build of ${count} articles failed (exit ${code}):\n${output.slice(-4000)}`);
    const files = await readdir(join(site.root, 'dist'), { recursive: true });
    const pages = files.filter((name) => name.endsWith('.html')).length;
    return { articles: count, pages, seconds, cpuSeconds, peakBytes: peak, load };
  } finally {
    process.removeListener('SIGINT', cleanUp);
    await site?.remove();
  }
}

const results: Result[] = [];
for (const count of counts.length > 0 ? counts : [1000, 5000]) results.push(await bench(count));

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
console.info(
  '\n' +
    table(
      ['articles', 'pages', 'time', 'CPU time', 'pages/s', 'peak RSS', 'load avg'],
      results.map((r) => [
        String(r.articles),
        String(r.pages),
        `${r.seconds.toFixed(1)} s`,
        `${r.cpuSeconds.toFixed(1)} s`,
        (r.pages / r.seconds).toFixed(0),
        gb(r.peakBytes),
        r.load.toFixed(1),
      ]),
    ),
);
console.info(
  `\nCold builds (no dist/, no cache), ${availableParallelism()} CPUs, ${gb(totalmem())} RAM, ` +
    `Node ${process.version}. Target: ${TARGET.articles} articles < ${TARGET.seconds} s and < ${gb(TARGET.bytes)}.`,
);
const big = results.find((r) => r.articles === TARGET.articles);
if (big && (big.seconds >= TARGET.seconds || big.peakBytes >= TARGET.bytes)) {
  console.error('The 5,000-article build misses its target.');
  process.exitCode = 1;
}
