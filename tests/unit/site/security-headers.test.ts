import { describe, expect, it } from 'vitest';
import { headersFile, htmlCacheRules, parseCsp, unionCsp } from '../../../src/lib/security-headers.ts';
import { addIntegrity, addOutboundRel, bundledScripts } from '../../../src/lib/harden-html.ts';

describe('CSP union', () => {
  it('parses directives into sources', () => {
    expect(parseCsp("default-src 'none'; script-src 'self' 'sha256-a=';")).toEqual(
      new Map([
        ['default-src', ["'none'"]],
        ['script-src', ["'self'", "'sha256-a='"]],
      ]),
    );
  });

  it('merges the sources of every page and adds the header-only directives', () => {
    const merged = unionCsp([
      "script-src 'self' 'sha256-a='",
      "script-src 'self' 'sha256-b='; style-src 'self'",
    ]);
    expect(merged).toBe(
      "script-src 'self' 'sha256-a=' 'sha256-b='; style-src 'self'; frame-ancestors 'none'",
    );
  });

  it('writes a Netlify _headers file', () => {
    expect(headersFile([{ path: '/*', headers: { A: '1', B: '2' } }])).toBe('/*\n  A: 1\n  B: 2\n');
  });
});

describe('HTML cache rules', () => {
  it('gives each section of the site one revalidating rule, never "/*"', () => {
    const rules = htmlCacheRules([
      'index.html',
      '404.html',
      'articles/index.html',
      'articles/2/index.html',
      'articles/iop-vs-outpatient/index.html',
      'privacy/index.html',
      'topics/mental-health/2/index.html',
    ]);
    expect(rules.map((rule) => rule.path)).toEqual([
      '/',
      '/404.html',
      '/articles/*',
      '/privacy/*',
      '/topics/*',
    ]);
    expect(new Set(rules.map((rule) => rule.headers['Cache-Control']))).toEqual(
      new Set(['public, max-age=0, must-revalidate']),
    );
  });
});

describe('outbound links', () => {
  const origin = 'https://center.test';
  it.each([
    [
      '<a href="https://988lifeline.org/">x</a>',
      '<a rel="noopener noreferrer" href="https://988lifeline.org/">x</a>',
    ],
    [
      '<a href="https://other.test/" rel="external">x</a>',
      '<a href="https://other.test/" rel="external noopener noreferrer">x</a>',
    ],
    ['<a href="https://center.test/programs/">x</a>', '<a href="https://center.test/programs/">x</a>'],
    ['<a href="/programs/">x</a>', '<a href="/programs/">x</a>'],
    ['<a href="tel:988">x</a>', '<a href="tel:988">x</a>'],
  ])('%s', (html, expected) => expect(addOutboundRel(html, origin)).toBe(expected));
});

describe('subresource integrity', () => {
  const html = '<script type="module" src="/_astro/a.js"></script><p></p>';
  it('finds the bundled scripts', () => expect(bundledScripts(html)).toEqual(['/_astro/a.js']));
  it('adds integrity and CORS mode', () => {
    expect(addIntegrity(html, () => 'sha384-x')).toBe(
      '<script type="module" src="/_astro/a.js" integrity="sha384-x" crossorigin="anonymous"></script><p></p>',
    );
  });
});
