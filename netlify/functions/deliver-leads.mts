/**
 * The delivery sweeper, every 5 minutes: retries due leads, sends alerts for channels
 * that gave up, deletes leads past LEAD_RETENTION_DAYS and old rate-limit counters.
 * Schedule in, counts out; the rules live in src/leads/delivery/sweep.ts.
 *
 * Netlify runs it on the schedule and never by URL in production. Locally (npm start)
 * a POST to /.netlify/functions/deliver-leads runs it once and answers the counts.
 */
import type { Config, Context } from '@netlify/functions';
import { deployContextOf } from '../../src/lib/deploy-context.ts';
import { readFunctionEnv } from '../../src/leads/runtime/settings.ts';
import { deliveryDepsFromEnv } from '../../src/leads/runtime/deps.ts';
import { sweep } from '../../src/leads/delivery/sweep.ts';
import { createLogger, errorName } from '../../src/leads/runtime/log.ts';
import { pruneRateLimit } from '../../src/leads/intake/rate-limit.ts';

const answer = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

const log = createLogger();

// Netlify's scheduler calls with a Request and a Context; the context may be missing locally.
export default async (_req?: Request, context?: Context): Promise<Response> => {
  try {
    const { deps, settings, keys } = await deliveryDepsFromEnv(
      readFunctionEnv,
      log,
      deployContextOf(context),
    );
    if (!deps) {
      // No usable key: nothing can be opened or sent. Said on every run, by setting name.
      const reason = keys.ok ? 'invalid_setting' : keys.problem;
      log.error({ event: 'config.error', outcome: 'failed', reason, setting: 'LEAD_ENCRYPTION_KEY' });
      return answer(503, { error: 'LEAD_ENCRYPTION_KEY is missing or invalid' });
    }
    const report = await sweep(deps, {
      retentionDays: settings.retentionDays,
      // Old rate-limit counters, a bounded batch, and only while housekeeping has time.
      tidy: (now, more) => pruneRateLimit(now, undefined, undefined, more),
    });
    return answer(200, report);
  } catch (error) {
    // Blobs unreachable, most likely. The class name only: no stack, no message.
    log.error({ event: 'sweep.error', outcome: 'failed', errorName: errorName(error) });
    return answer(503, { error: 'sweep failed; the next run tries again' });
  }
};

export const config: Config = {
  schedule: '*/5 * * * *',
};
