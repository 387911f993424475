import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS, parseCsp } from '../../src/lib/security-headers.ts';
import { site } from '../../src/site.config.ts';
import { builtPages, distDir } from '../support/dist.ts';

// Every attribute through which a page can make the browser fetch something.
const FETCHING = [
  ['script', 'src'],
  ['link', 'href'],
  ['img', 'src'],
  ['img', 'srcset'],
  ['source', 'src'],
  ['source', 'srcset'],
  ['iframe', 'src'],
  ['embed', 'src'],
  ['object', 'data'],
  ['video', 'src'],
  ['video', 'poster'],
  ['audio', 'src'],
  ['form', 'action'],
  ['button', 'formaction'],
  ['input', 'formaction'],
  ['meta[http-equiv="refresh" i]', 'content'],
] as const;

const origin = new URL(site.url).origin;
const isOtherOrigin = (value: string) =>
  value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .some((url) => /^(https?:)?\/\//i.test(url) && new URL(url, origin).origin !== origin);

describe.each(builtPages().map((page) => [page.path, page] as const))('%s', (_path, { $ }) => {
  it('asks the browser for nothing from another origin', () => {
    const found = FETCHING.flatMap(([selector, attribute]) =>
      $(selector)
        .toArray()
        .map((el) => $(el).attr(attribute) ?? '')
        // link rel=canonical/alternate name the site's own URL, and are not fetched anyway.
        .filter((value, i) => {
          const rel = $(selector).eq(i).attr('rel') ?? '';
          return isOtherOrigin(value) && !(selector === 'link' && /canonical|alternate/.test(rel));
        })
        .map((value) => `${selector}[${attribute}]=${value}`),
    );
    expect(found).toEqual([]);
  });

  it('sends no cookies and no referrer to other sites through its links', () => {
    expect($('meta[http-equiv="set-cookie" i]').length).toBe(0);
    const unsafe = $('a[href]')
      .toArray()
      .filter((el) => isOtherOrigin($(el).attr('href') ?? ''))
      .filter((el) => !/\bnoopener\b/.test($(el).attr('rel') ?? '') || !/\bnoreferrer\b/.test($(el).attr('rel') ?? ''))
      .map((el) => $(el).attr('href'));
    expect(unsafe).toEqual([]);
  });
});

describe('dist/_headers', () => {
  const file = join(distDir, '_headers');
  it('carries every security header for every path, with a strict CSP', () => {
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('/*\n')).toBe(true);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(text).toContain(`  ${name}: ${value}\n`);
    const csp = parseCsp(/Content-Security-Policy: (.*)/.exec(text)![1]!);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
    expect(csp.get('style-src')).not.toContain("'unsafe-inline'");
  });
});
