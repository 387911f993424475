/**
 * HTTP Observatory's "redirection" test, made for real against a deployed site: ask for
 * http://<host>/ and follow its redirects (without fetching any https:// page) to see
 * whether plain HTTP sends visitors to HTTPS on the same host.
 *
 * The findings and their pass/fail follow Observatory's rules: the first redirect must
 * stay on the host and the chain must end on https://; a host that does not answer plain
 * HTTP at all needs no redirect.
 */
export type RedirectFinding =
  | 'redirection-to-https'
  | 'redirection-not-needed-no-http'
  | 'redirection-missing'
  | 'redirection-not-to-https'
  | 'redirection-not-to-https-on-initial-redirection'
  | 'redirection-off-host-from-http';

export interface RedirectCheck {
  finding: RedirectFinding;
  /** What `scan()` takes as `redirectsToHttps`. */
  redirectsToHttps: boolean;
  /** Every URL asked for or redirected to, in order, starting with http://<host>/. */
  chain: string[];
}

const PASSING: ReadonlySet<RedirectFinding> = new Set([
  'redirection-to-https',
  'redirection-not-needed-no-http',
]);
const MAX_HOPS = 5;

const refused = (error: unknown) => {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return cause?.code === 'ECONNREFUSED';
};

/** `siteUrl`: the deployed site, e.g. https://example.org (any path is ignored). */
export async function checkHttpsRedirect(siteUrl: string, timeoutMs = 10_000): Promise<RedirectCheck> {
  const start = new URL('/', siteUrl);
  start.protocol = 'http:';
  const chain = [start.href];
  const done = (finding: RedirectFinding): RedirectCheck => ({
    finding,
    redirectsToHttps: PASSING.has(finding),
    chain,
  });

  let current = start;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    let response: Response;
    try {
      response = await fetch(current, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      if (hop === 0 && refused(error)) return done('redirection-not-needed-no-http');
      throw new Error(`${current.href} did not answer: ${(error as Error).message}`, { cause: error });
    }
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status > 399 || location === null)
      return done(hop === 0 ? 'redirection-missing' : 'redirection-not-to-https');
    const next = new URL(location, current);
    chain.push(next.href);
    if (hop === 0 && next.hostname !== start.hostname) return done('redirection-off-host-from-http');
    if (next.protocol === 'https:')
      return done(hop === 0 ? 'redirection-to-https' : 'redirection-not-to-https-on-initial-redirection');
    current = next;
  }
  return done('redirection-not-to-https');
}
