/**
 * Whether a running function must be production-strict: TLS for SMTP, `https://`
 * webhooks only, never the local inbox, no development key, and a 503 that asks the
 * visitor to call when no channel can deliver.
 *
 * The build's CONTEXT variable never reaches a deployed function, so the deploy context
 * comes from Netlify's own function context (`context.deploy.context`, handed in by the
 * function files as a plain string). The rule, strict unless nothing says "deployed":
 *
 * - a deploy context that is set and not "dev" ("production", "deploy-preview",
 *   "branch-deploy", a branch name): strict;
 * - NODE_ENV=production or CONTEXT=production in the environment: strict;
 * - SITE_ID without NETLIFY_LOCAL: strict. Netlify gives every deployed function SITE_ID;
 *   its local tools (@netlify/config, under @netlify/dev and netlify-cli) set
 *   NETLIFY_LOCAL=true. So this still holds if a call (a scheduled run, say) ever arrives
 *   without a deploy context;
 * - otherwise development: `npm start` (@netlify/dev 5.1.3 gives an empty deploy context,
 *   CONTEXT=dev and NETLIFY_LOCAL=true) and the tests.
 */
import { isProductionBuild } from '../../lib/placeholders.ts';
import type { ReadEnv } from './settings.ts';

/** Netlify's "local development" context; anything else that is set means a deploy. */
export const DEV_DEPLOY_CONTEXT = 'dev';

export function isProductionRuntime(env: ReadEnv, deployContext: string | undefined): boolean {
  const context = deployContext?.trim();
  if (context && context !== DEV_DEPLOY_CONTEXT) return true;
  if (isProductionBuild({ CONTEXT: env('CONTEXT'), NODE_ENV: env('NODE_ENV') })) return true;
  return Boolean(env('SITE_ID')?.trim()) && env('NETLIFY_LOCAL') !== 'true';
}
