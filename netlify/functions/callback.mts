/**
 * POST /api/callback: the confidential callback request. HTTP in and out only; the rules
 * live in src/leads/handler.ts. No `config.method`: other methods must reach us to get
 * the contract's 405 with `Allow: POST`.
 */
import type { Config, Context } from '@netlify/functions';
import { readFunctionEnv } from '../../src/leads/settings.ts';
import { depsFromEnv } from '../../src/leads/deps.ts';
import { handleCallback } from '../../src/leads/handler.ts';

export default async (req: Request, context: Context): Promise<Response> => {
  // context.ip is Netlify's view of the client; the header is the same fact on older runtimes.
  const ip = context.ip || req.headers.get('x-nf-client-connection-ip') || null;
  const deps = await depsFromEnv(readFunctionEnv);
  return handleCallback(req, ip, { ...deps, waitUntil: (work) => context.waitUntil(work) });
};

export const config: Config = {
  path: '/api/callback',
  // Netlify's own limit in production, in front of ours (CALLBACK_RATE_LIMIT, default 10).
  rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
