/**
 * `npm run audit:headers [-- --url https://deployed.site]`: scores the served headers
 * with Mozilla HTTP Observatory's published rules and prints the grade. Without --url it
 * builds nothing: it serves the current dist/ with `npm start`'s server.
 */
import { grade, scan } from '../src/lib/observatory.ts';
import { checkHttpsRedirect } from './support/https-redirect.ts';
import { startLocalServer } from './support/local-server.ts';

const urlFlag = process.argv.indexOf('--url');
const remote = urlFlag > 0 ? process.argv[urlFlag + 1] : undefined;
const server = remote ? undefined : await startLocalServer(Number(process.env['PORT'] ?? 4381));
const base = remote ?? server!.url;

// A deploy is asked for http://<host>/ for real. Locally there is no HTTPS to send anyone
// to, so the local run counts it as passing (Netlify redirects HTTP to HTTPS on its hosts)
// and says so.
const redirect = remote ? await checkHttpsRedirect(remote) : undefined;
const redirectsToHttps = redirect?.redirectsToHttps ?? true;

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
    const response = await fetch(new URL(path, base), { redirect: 'manual' });
    const html = await response.text();
    const headers = Object.fromEntries(response.headers);
    const result = scan({ headers, html, redirectsToHttps, hstsPreloaded: false });
    worst = Math.min(worst, result.score);
    console.info(`\n${path}  (HTTP ${response.status})  score ${result.score}  grade ${result.grade}`);
    for (const t of result.tests) console.info(`  ${String(t.modifier).padStart(4)}  ${t.test}: ${t.result}`);
  }
  console.info(
    redirect
      ? `\nHTTP to HTTPS: ${redirect.finding} (${redirect.chain.join(' -> ')})`
      : '\nHTTP to HTTPS: not checked locally (no HTTPS here); counted as passing, as on Netlify.',
  );
  console.info(`\nLowest score over ${paths.length} URLs: ${worst}. Observatory grade: ${grade(worst)}.`);
  console.info(
    'HSTS preload (+5) needs the domain on the real preload list, which only a live scan can see.',
  );
  if (worst < 100) process.exitCode = 1;
} finally {
  await server?.stop();
}
