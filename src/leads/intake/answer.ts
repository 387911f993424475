/**
 * Every response the callback endpoint gives, built from a plain description of the
 * outcome. Form posts get pages and redirects; JSON requests get JSON. No answer carries
 * a submitted value: only our own messages, a lead id, and paths on our own site.
 */
import { SECURITY_HEADERS } from '../../lib/security-headers.ts';
import { VISIBLE_FIELDS } from '../../callback/fields.ts';
import { htmlContentSecurityPolicy, renderPage } from './answer-html.ts';
import { methodText, PROBLEM_TEXT } from './answer-text.ts';
import type { BodyKind } from './guards.ts';

export const THANKS_PATH = '/callback/thanks/';
export const FORM_PATH = '/callback/';

/** What of the request's kind an answer shows: where thanks is, the field order, the form's name. */
export interface AnswerView {
  thanksPath: string;
  visibleFields: readonly string[];
  /** For the 405 text: "callback form" and "ask for a callback". */
  formName: string;
  purpose: string;
}

export const CALLBACK_VIEW: AnswerView = {
  thanksPath: THANKS_PATH,
  visibleFields: VISIBLE_FIELDS,
  formName: 'callback form',
  purpose: 'ask for a callback',
};

export type Answer =
  | { kind: 'accepted'; leadId: string }
  | { kind: 'invalid'; errors: Readonly<Record<string, string>>; backTo: string }
  | { kind: 'malformed' | 'method' | 'content_type' | 'too_large' | 'cross_site'; backTo: string }
  | { kind: 'rate_limited' | 'unavailable'; retryAfter: number; backTo: string };

export type AnswerFormat = 'html' | 'json';

export const STATUS: Record<Answer['kind'], number> = {
  accepted: 202,
  invalid: 422,
  malformed: 400,
  method: 405,
  content_type: 415,
  too_large: 413,
  cross_site: 403,
  rate_limited: 429,
  unavailable: 503,
};

/** JSON for JSON requests (and for clients that ask only for JSON); a page otherwise. */
export function answerFormat(kind: BodyKind | null, accept: string | null): AnswerFormat {
  if (kind === 'json') return 'json';
  if (kind === 'form') return 'html';
  const wants = (accept ?? '').toLowerCase();
  return wants.includes('application/json') && !wants.includes('text/html') ? 'json' : 'html';
}

function baseHeaders(): Headers {
  // netlify.toml and _headers do not reach function answers: they carry the site's set here.
  return new Headers({
    ...SECURITY_HEADERS,
    'Cache-Control': 'no-store',
    'X-Robots-Tag': 'noindex',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  });
}

export function statusOf(answer: Answer, format: AnswerFormat): number {
  return answer.kind === 'accepted' && format === 'html' ? 303 : STATUS[answer.kind];
}

export async function respond(
  answer: Answer,
  format: AnswerFormat,
  view: AnswerView = CALLBACK_VIEW,
): Promise<Response> {
  const headers = baseHeaders();
  const status = statusOf(answer, format);

  if (answer.kind === 'accepted') {
    if (format === 'html') {
      headers.set('Location', view.thanksPath);
      return new Response(null, { status, headers });
    }
    headers.set('Content-Type', 'application/json; charset=utf-8');
    return new Response(JSON.stringify({ id: answer.leadId }), { status, headers });
  }

  if (answer.kind === 'method') headers.set('Allow', 'POST');
  if ('retryAfter' in answer) headers.set('Retry-After', String(answer.retryAfter));
  const text = answer.kind === 'method' ? methodText(view.formName, view.purpose) : PROBLEM_TEXT[answer.kind];
  const errors = answer.kind === 'invalid' ? answer.errors : {};
  // Messages in form order, whatever order validation produced them in.
  const problems = view.visibleFields.flatMap((field) => {
    const message = errors[field];
    return message === undefined ? [] : [[field, message] as const];
  });

  if (format === 'json') {
    headers.set('Content-Type', 'application/json; charset=utf-8');
    const body = answer.kind === 'invalid' ? { errors: Object.fromEntries(problems) } : { error: text.error };
    return new Response(JSON.stringify(body), { status, headers });
  }

  headers.set('Content-Type', 'text/html; charset=utf-8');
  headers.set('Content-Security-Policy', await htmlContentSecurityPolicy());
  const items = problems.map(([, message]) => message);
  return new Response(
    renderPage({ title: text.title, message: text.message, items, backTo: answer.backTo }),
    {
      status,
      headers,
    },
  );
}
