import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerFormat, respond, type Answer } from '../../../src/leads/intake/answer.ts';
import { escapeHtml, renderPage } from '../../../src/leads/intake/answer-html.ts';
import { PROBLEM_TEXT } from '../../../src/leads/intake/answer-text.ts';
import { site } from '../../../src/site.config.ts';
import { expectSafeHeaders } from './support/answers.ts';

const problems: [Answer, number][] = [
  [{ kind: 'invalid', errors: { name: 'N' }, backTo: '/callback/' }, 422],
  [{ kind: 'malformed', backTo: '/callback/' }, 400],
  [{ kind: 'method', backTo: '/callback/' }, 405],
  [{ kind: 'content_type', backTo: '/callback/' }, 415],
  [{ kind: 'too_large', backTo: '/callback/' }, 413],
  [{ kind: 'cross_site', backTo: '/callback/' }, 403],
  [{ kind: 'rate_limited', retryAfter: 17, backTo: '/callback/' }, 429],
  [{ kind: 'unavailable', retryAfter: 60, backTo: '/callback/' }, 503],
];

describe('respond', () => {
  it.each(problems)('%j → %i, as a page and as JSON', async (answer, status) => {
    for (const format of ['html', 'json'] as const) {
      const response = await respond(answer, format);
      expect(response.status).toBe(status);
      expectSafeHeaders(response);
      if ('retryAfter' in answer) expect(response.headers.get('retry-after')).toBe(String(answer.retryAfter));
      else expect(response.headers.get('retry-after')).toBeNull();
      expect(response.headers.get('allow')).toBe(answer.kind === 'method' ? 'POST' : null);
    }
  });

  it('accepted: 303 to the thanks page with no body, or 202 with the id', async () => {
    const page = await respond({ kind: 'accepted', leadId: 'abc' }, 'html');
    expect([page.status, page.headers.get('location'), await page.text()]).toEqual([
      303,
      '/callback/thanks/',
      '',
    ]);
    const json = await respond({ kind: 'accepted', leadId: 'abc' }, 'json');
    expect([json.status, await json.json()]).toEqual([202, { id: 'abc' }]);
  });

  it('lists field problems in form order', async () => {
    const response = await respond(
      { kind: 'invalid', errors: { consent: 'C', name: 'N', phone: 'P' }, backTo: '/' },
      'json',
    );
    expect(Object.keys(((await response.json()) as { errors: object }).errors)).toEqual([
      'name',
      'phone',
      'consent',
    ]);
  });

  it('the CSP hash is the hash of the page’s one style', async () => {
    const response = await respond({ kind: 'malformed', backTo: '/callback/' }, 'html');
    const html = await response.text();
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]!);
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256').update(styles[0]!).digest('base64');
    expect(response.headers.get('content-security-policy')).toContain(`style-src 'sha256-${hash}'`);
    expect(html).not.toMatch(/<script|\sstyle=|\son\w+=/i);
  });
});

describe('pages', () => {
  it('escape everything they show', () => {
    const html = renderPage({
      title: '<b>t</b>',
      message: '"m" & \'n\'',
      items: ['<img src=x onerror=alert(1)>'],
      backTo: '/x"><script>alert(1)</script>',
    });
    expect(html).not.toMatch(/<b>|<img|<script/);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('href="/x&#34;&#62;&#60;script&#62;');
  });

  it('offer the admissions phone and the crisis lines', () => {
    const html = renderPage({ ...PROBLEM_TEXT.unavailable, backTo: '/callback/' });
    expect(html).toContain(
      `<a href="tel:${site.admissions.phone.e164}">${escapeHtml(site.admissions.phone.display)}</a>`,
    );
    for (const line of site.crisisLines) expect(html).toContain(`href="tel:${escapeHtml(line.tel)}"`);
    expect(html).toContain('<html lang="en-US">');
    expect(html).toContain('name="viewport"');
  });

  it('every JSON error for a visitor who should call names the phone number', () => {
    for (const kind of ['malformed', 'too_large', 'rate_limited', 'unavailable'] as const) {
      expect(PROBLEM_TEXT[kind].error).toContain(site.admissions.phone.display);
    }
  });
});

describe('answerFormat', () => {
  it.each([
    ['json', null, 'json'],
    ['form', 'application/json', 'html'],
    [null, 'application/json', 'json'],
    [null, 'text/html,application/json;q=0.9', 'html'],
    [null, '*/*', 'html'],
    [null, null, 'html'],
  ] as const)('body %s, Accept %j → %s', (kind, accept, expected) => {
    expect(answerFormat(kind, accept)).toBe(expected);
  });
});
