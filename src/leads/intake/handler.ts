/**
 * The lead pipeline, from a standard Fetch `Request` to a `Response`, for every kind of
 * request (src/leads/kinds/): the kind brings its schema, record and answers' paths;
 * every step below is the same code for all of them:
 *
 *   method -> cross-site -> content type -> read (16 KB) -> parse -> key present
 *   -> a channel to deliver to -> rate limit -> screen (honeypot, time trap) -> validate
 *   -> store once -> answer
 *
 * Screening comes before validation so a bot gets the same "accepted" whatever it sent.
 * The function file only adapts Netlify's context to `CallbackDeps`; everything here runs
 * the same in tests, under `npm start` and in production. It never throws: anything
 * unexpected becomes a 503 that tells the visitor to call.
 */
import { callbackKind } from '../kinds/callback/index.ts';
import type { AnyKind } from '../kinds/registry.ts';
import type { SettingGap } from '../delivery/settings.ts';
import { answerFormat, respond, statusOf, type Answer, type AnswerFormat } from './answer.ts';
import { clientKey } from './client-key.ts';
import { DeadlineError, withDeadline } from '../runtime/deadline.ts';
import { bodyKind, isCrossSite, isPost } from './guards.ts';
import { newLeadId } from '../runtime/ids.ts';
import { claimRequest, prepareRequest, writeRequest } from '../storage/store-lead.ts';
import type { LeadKeys } from '../storage/lead-key.ts';
import { errorName, type Logger, type Outcome, type Reason } from '../runtime/log.ts';
import { formPagePath } from './page-path.ts';
import { parseBody } from './parse-body.ts';
import type { RateDecision, RateLimiter } from './rate-limit.ts';
import { readBody } from './read-body.ts';
import { screen } from './screen.ts';
import type { LeadStore } from '../storage/store.ts';

export type KeyState =
  { ok: true; keys: LeadKeys } | { ok: false; problem: 'missing_setting' | 'invalid_setting' };

export interface CallbackDeps {
  keys: KeyState;
  leads: LeadStore;
  limiter: RateLimiter;
  log: Logger;
  /** Slugs of existing program pages; the generated list by default. */
  programSlugs?: readonly string[];
  /** Slugs of the insurers in the site's list (the coverage check); the generated list by default. */
  insurerSlugs?: readonly string[];
  /** Delivery channels configured now; each new lead starts pending on each. */
  channels?: readonly string[];
  /**
   * Set in production when no channel can deliver: the settings to fix. Nothing is stored
   * (nobody would read it); the visitor gets the 503 that asks them to call.
   */
  noChannel?: readonly SettingGap[];
  now?: () => Date;
  newId?: () => string;
  /**
   * Runs after a new lead is durably stored (the first delivery attempt); its failure is
   * only logged. `etag` is the stored lead's, when the store gave one.
   */
  afterStore?: (leadId: string, etag?: string) => Promise<void>;
  /** Keeps the runtime alive for `afterStore` after the answer is sent (Netlify `context.waitUntil`). */
  waitUntil?: (work: Promise<unknown>) => void;
  storeDeadlineMs?: number;
  rateLimitDeadlineMs?: number;
}

export const STORE_DEADLINE_MS = 10_000;
export const RATE_LIMIT_DEADLINE_MS = 3_000;
const UNAVAILABLE_RETRY_AFTER = 60;

interface Decision {
  answer: Answer;
  format: AnswerFormat;
  outcome: Outcome;
  reason?: Reason;
  fields?: string[];
  leadId?: string;
}

/** The callback request (POST /api/callback). */
export function handleCallback(
  request: Request,
  clientIp: string | null,
  deps: CallbackDeps,
): Promise<Response> {
  return handleLead(callbackKind, request, clientIp, deps);
}

/** Any kind's request: the one pipeline. */
export async function handleLead(
  kind: AnyKind,
  request: Request,
  clientIp: string | null,
  deps: CallbackDeps,
): Promise<Response> {
  const started = performance.now();
  const receivedAt = deps.now?.() ?? new Date();
  let decision: Decision;
  try {
    decision = await decide(kind, request, clientIp, deps, receivedAt);
  } catch (error) {
    deps.log.error({
      event: 'handler.error',
      outcome: 'failed',
      reason: 'unexpected',
      errorName: errorName(error),
    });
    decision = {
      answer: { kind: 'unavailable', retryAfter: UNAVAILABLE_RETRY_AFTER, backTo: kind.formPath },
      format: answerFormat(bodyKind(request.headers.get('content-type')), request.headers.get('accept')),
      outcome: 'unavailable',
      reason: 'unexpected',
    };
  }
  const response = await respond(decision.answer, decision.format, kind);
  const level = decision.outcome === 'unavailable' ? 'error' : 'info';
  deps.log[level]({
    event: `${kind.name}.answered`,
    kind: kind.name,
    outcome: decision.outcome,
    status: statusOf(decision.answer, decision.format),
    ...(decision.reason && { reason: decision.reason }),
    ...(decision.fields && { fields: decision.fields }),
    ...(decision.leadId && { leadId: decision.leadId }),
    ms: performance.now() - started,
  });
  return response;
}

async function decide(
  kind: AnyKind,
  request: Request,
  clientIp: string | null,
  deps: CallbackDeps,
  receivedAt: Date,
): Promise<Decision> {
  const origin = new URL(request.url).origin;
  const referer = request.headers.get('referer');
  const body = bodyKind(request.headers.get('content-type'));
  const format = answerFormat(body, request.headers.get('accept'));
  const backTo = (pageField?: string) => formPagePath(pageField, referer, origin) ?? kind.formPath;
  const reject = (
    answerKind: 'malformed' | 'method' | 'content_type' | 'too_large' | 'cross_site',
    reason: Reason,
  ) => ({
    answer: { kind: answerKind, backTo: backTo() },
    format,
    outcome: 'rejected' as const,
    reason,
  });
  const unavailable = (reason: Reason, pageField?: string): Decision => ({
    answer: { kind: 'unavailable', retryAfter: UNAVAILABLE_RETRY_AFTER, backTo: backTo(pageField) },
    format,
    outcome: 'unavailable',
    reason,
  });

  if (!isPost(request.method)) return reject('method', 'method');
  if (isCrossSite(request.headers, request.url)) return reject('cross_site', 'cross_site');
  if (body === null) return reject('content_type', 'content_type');

  const read = await readBody(request.body, request.headers.get('content-length'));
  if (!read.ok)
    return read.problem === 'too_large' ? reject('too_large', 'too_large') : reject('malformed', 'malformed');
  const parsed = parseBody(body, read.bytes, kind.fieldNames);
  if (!parsed.ok) return reject('malformed', parsed.problem);
  const fields = parsed.fields;
  const pageField = typeof fields.page === 'string' ? fields.page : undefined;

  if (!deps.keys.ok) {
    deps.log.error({
      event: 'config.error',
      outcome: 'unavailable',
      reason: deps.keys.problem,
      setting: 'LEAD_ENCRYPTION_KEY',
    });
    return unavailable(deps.keys.problem, pageField);
  }
  const { keys } = deps.keys;

  if (deps.noChannel) {
    for (const { setting, problem } of deps.noChannel)
      deps.log.error({ event: 'config.error', outcome: 'unavailable', reason: problem, setting });
    return unavailable('no_channel', pageField);
  }

  // Screening and validation need no store, so they come first: then the store's first
  // round trip (the submission claim and the new lead's due entry) goes alongside the rate
  // limit's two, and the lead itself is written only once the limit allows it. A request
  // refused by the limit leaves at most a claim and an entry without a lead, which a retry
  // completes and the sweep otherwise drops. The answers stay in the same order as before.
  const screening = screen(fields);
  const validation = screening.pass
    ? kind.validate(fields, {
        programSlugs: deps.programSlugs,
        insurerSlugs: deps.insurerSlugs,
        // A test's clock is "today" too; otherwise the schema's own (the real one, cached schema).
        now: deps.now ? receivedAt : undefined,
      })
    : null;
  const intake = { leads: deps.leads, keys, newId: deps.newId ?? newLeadId, channels: deps.channels ?? [] };
  const storeStarted = performance.now();
  const storeDeadlineMs = deps.storeDeadlineMs ?? STORE_DEADLINE_MS;
  const claiming = validation?.ok
    ? withDeadline(
        prepareRequest(
          intake,
          kind,
          validation.value,
          receivedAt,
          formPagePath(validation.value.page, referer, origin),
        ).then(async (prepared) => ({ prepared, claimed: await claimRequest(intake, prepared) })),
        storeDeadlineMs,
      )
    : null;
  // Its failure matters only if the request gets that far; it is reported there.
  claiming?.catch(() => undefined);

  const { decision: rate, tidy } = await countRequest(deps, keys, clientIp, receivedAt);
  if (!rate.allowed) {
    await tidy;
    return {
      answer: { kind: 'rate_limited', retryAfter: rate.retryAfter, backTo: backTo(pageField) },
      format,
      outcome: 'limited',
      reason: 'rate_limited',
    };
  }

  if (!screening.pass) {
    await tidy;
    // Looks accepted, with an id shaped like a real one; nothing is stored or forwarded.
    return {
      answer: { kind: 'accepted', leadId: newLeadId() },
      format,
      outcome: 'screened',
      reason: screening.reason,
    };
  }

  if (!validation!.ok) {
    await tidy;
    return {
      answer: { kind: 'invalid', errors: validation!.errors, backTo: backTo(pageField) },
      format,
      outcome: 'invalid',
      reason: 'invalid_fields',
      fields: Object.keys(validation!.errors),
    };
  }

  let stored;
  try {
    const { prepared, claimed } = await claiming!;
    const remainingMs = Math.max(1, storeDeadlineMs - (performance.now() - storeStarted));
    [stored] = await Promise.all([
      withDeadline(writeRequest(intake, claimed, prepared.hash), remainingMs),
      tidy,
    ]);
  } catch (error) {
    const reason = error instanceof DeadlineError ? 'deadline' : 'store_unavailable';
    deps.log.error({ event: 'store.error', outcome: 'failed', reason, errorName: errorName(error) });
    return unavailable(reason, pageField);
  }

  const { leadId, created } = stored;
  if (created) {
    deps.log.info({ event: 'lead.stored', outcome: 'ok', kind: kind.name, leadId });
    startAfterStore(deps, leadId, stored.etag);
  } else {
    deps.log.info({ event: 'lead.repeat', outcome: 'ok', kind: kind.name, leadId });
  }
  return { answer: { kind: 'accepted', leadId }, format, outcome: 'accepted', leadId };
}

async function countRequest(
  deps: CallbackDeps,
  keys: LeadKeys,
  clientIp: string | null,
  now: Date,
): Promise<{ decision: RateDecision; tidy: Promise<void> }> {
  try {
    const client = await clientKey(keys.clientHash, clientIp, now);
    const { limiter } = deps;
    const counting = limiter.begin
      ? limiter.begin(client, now)
      : limiter.hit(client, now).then((decision) => ({ decision, tidy: Promise.resolve() }));
    return await withDeadline(counting, deps.rateLimitDeadlineMs ?? RATE_LIMIT_DEADLINE_MS);
  } catch (error) {
    // The counter protects the endpoint; it must not stand between a visitor and help.
    // If it is down, the lead store most likely is too, and that answer follows.
    deps.log.warn({
      event: 'rate_limit.error',
      outcome: 'warning',
      reason: error instanceof DeadlineError ? 'deadline' : 'store_unavailable',
      errorName: errorName(error),
    });
    return { decision: { allowed: true }, tidy: Promise.resolve() };
  }
}

function startAfterStore(deps: CallbackDeps, leadId: string, etag: string | undefined): void {
  const hook = deps.afterStore;
  if (!hook) return;
  const work = Promise.resolve()
    .then(() => hook(leadId, etag))
    .catch((error: unknown) => {
      deps.log.error({ event: 'lead.after_store', outcome: 'failed', leadId, errorName: errorName(error) });
    });
  deps.waitUntil?.(work);
}
