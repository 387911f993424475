/**
 * POST /api/insurance: the coverage check ("Check my coverage"). HTTP in and out only,
 * like callback.mts: the same pipeline (src/leads/intake/handler.ts) with the insurance
 * kind (src/leads/kinds/insurance/), the same settings, store, rate limit and delivery.
 */
import type { Config, Context } from '@netlify/functions';
import { deployContextOf } from '../../src/lib/deploy-context.ts';
import { readFunctionEnv } from '../../src/leads/runtime/settings.ts';
import { depsFromEnv } from '../../src/leads/runtime/deps.ts';
import { handleLead } from '../../src/leads/intake/handler.ts';
import { insuranceKind } from '../../src/leads/kinds/insurance/index.ts';
import { createLogger } from '../../src/leads/runtime/log.ts';

const log = createLogger();

export default async (req: Request, context: Context): Promise<Response> => {
  const ip = context.ip || req.headers.get('x-nf-client-connection-ip') || null;
  const deps = await depsFromEnv(readFunctionEnv, log, deployContextOf(context));
  return handleLead(insuranceKind, req, ip, { ...deps, waitUntil: (work) => context.waitUntil(work) });
};

export const config: Config = {
  path: '/api/insurance',
  // The same flood guard as callback.mts (see there), to the same static page with the
  // phone number and crisis lines. Literals only: Netlify's bundler reads this object.
  rateLimit: {
    action: 'rewrite',
    to: '/callback/busy/',
    windowLimit: 60,
    windowSize: 60,
    aggregateBy: ['ip', 'domain'],
  },
};
