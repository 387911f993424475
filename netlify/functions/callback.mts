/**
 * POST /api/callback: the confidential callback request. HTTP in and out only; the rules
 * live in src/leads/intake/handler.ts. No `config.method`: other methods must reach us to get
 * the contract's 405 with `Allow: POST`.
 */
import type { Config, Context } from '@netlify/functions';
import { deployContextOf } from '../../src/lib/deploy-context.ts';
import { readFunctionEnv } from '../../src/leads/runtime/settings.ts';
import { depsFromEnv } from '../../src/leads/runtime/deps.ts';
import { handleCallback } from '../../src/leads/intake/handler.ts';
import { createLogger } from '../../src/leads/runtime/log.ts';

const log = createLogger();

export default async (req: Request, context: Context): Promise<Response> => {
  // context.ip is Netlify's view of the client; the header is the same fact on older runtimes.
  const ip = context.ip || req.headers.get('x-nf-client-connection-ip') || null;
  const deps = await depsFromEnv(readFunctionEnv, log, deployContextOf(context));
  return handleCallback(req, ip, { ...deps, waitUntil: (work) => context.waitUntil(work) });
};

export const config: Config = {
  path: '/api/callback',
  // Netlify's flood guard, in front of ours. CALLBACK_RATE_LIMIT (default 10, at most
  // MAX_RATE_LIMIT = 30 in src/leads/runtime/settings.ts) decides what visitors meet: our 429
  // page with the phone number. This one is twice that maximum over a sliding 60 s, so it
  // stops only floods, and sends them to a static page that also has the phone number and
  // the crisis lines instead of Netlify's bare 429. Literals only: Netlify's bundler reads
  // this object without running the file (tests/unit/runtime/rate-limits.test.ts).
  rateLimit: {
    action: 'rewrite',
    to: '/callback/busy/',
    windowLimit: 60,
    windowSize: 60,
    aggregateBy: ['ip', 'domain'],
  },
};
