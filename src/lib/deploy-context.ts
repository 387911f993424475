/**
 * Netlify's deploy context for the call a function is answering: "production",
 * "deploy-preview", "branch-deploy" or a branch name when deployed; empty under
 * @netlify/dev (`npm start`). Read from the call's `context`, else from the `Netlify`
 * global, and handed to src/leads/ as a plain string (see src/leads/runtime/runtime-mode.ts).
 */
import type { Context } from '@netlify/functions';

export function deployContextOf(
  context: { deploy?: Partial<Context['deploy']> } | undefined,
): string | undefined {
  const fromCall = context?.deploy?.context;
  const fromGlobal = typeof Netlify === 'undefined' ? undefined : Netlify.context?.deploy?.context;
  return fromCall || fromGlobal || undefined;
}
