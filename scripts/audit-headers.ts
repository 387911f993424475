/**
 * `npm run audit:headers [-- --url https://deployed.site]`: scores the served headers
 * with Mozilla HTTP Observatory's published rules and prints the grade. Without --url it
 * builds nothing: it serves the current dist/ with `npm start`'s server.
 */
import { grade, scan } from '../src/lib/observatory.ts';
import { startLocalServer } from './support/local-server.ts';

const urlFlag = process.argv.indexOf('--url');
const remote = urlFlag > 0 ? process.argv[urlFlag + 1] : undefined;
const server = remote ? undefined : await startLocalServer(Number(process.env['PORT'] ?? 4381));
const base = remote ?? server!.url;

try {
  const paths = [
    '/',
    '/articles/iop-vs-outpatient/',
    '/programs/intensive-outpatient/',
    '/callback/',
    '/no-such-page/',
  ];
  let worst = Infinity;
  for (const path of paths) {
    const response = await fetch(base + path, { redirect: 'manual' });
    const html = await response.text();
    const headers = Object.fromEntries(response.headers);
    // Locally there is no HTTPS; Netlify redirects HTTP to HTTPS on the same host.
    const result = scan({ headers, html, redirectsToHttps: true, hstsPreloaded: false });
    worst = Math.min(worst, result.score);
    console.info(`\n${path}  (HTTP ${response.status})  score ${result.score}  grade ${result.grade}`);
    for (const t of result.tests) console.info(`  ${String(t.modifier).padStart(4)}  ${t.test}: ${t.result}`);
  }
  console.info(`\nLowest score over ${paths.length} URLs: ${worst}. Observatory grade: ${grade(worst)}.`);
  console.info(
    'HSTS preload (+5) needs the domain on the real preload list, which only a live scan can see.',
  );
  if (worst < 100) process.exitCode = 1;
} finally {
  await server?.stop();
}
