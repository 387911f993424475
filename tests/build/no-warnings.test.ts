/**
 * A build prints no warnings: a warning on every run (Shiki's inline styles against the
 * CSP was one) teaches everyone to skip the build output, and then a real one goes unseen.
 * One fixture build of the real site plus an article with code blocks, in Markdown and MDX.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite, type FixtureSite } from '../support/fixture-site.ts';

const codeArticle = (format: string) => `---
title: An article with code (${format})
description: A fixture article (${format}) with a fenced code block, which must not bring inline styles that the CSP blocks.
publishedAt: 2026-11-20
reviewedAt: 2026-11-18
author: editorial-team
reviewer: clinical-review-team
topics: [treatment-options]
---

Some text before the code.

\`\`\`js
const help = 'is one call away';
\`\`\`
`;

let fixture: FixtureSite | undefined;
let output = '';
const page = async (path: string) =>
  load(await readFile(join(fixture!.root, 'dist', path, 'index.html'), 'utf8'));

beforeAll(async () => {
  fixture = await createFixtureSite({
    'src/content/articles/with-code-mdx.mdx': codeArticle('MDX'),
    'src/content/articles/with-code-md.md': codeArticle('Markdown'),
  });
  const result = await fixture.build();
  output = result.output;
  expect(result.code, output).toBe(0);
}, 120_000);
afterAll(() => fixture?.remove());

describe('the build output', () => {
  it('has no warning', () => {
    const warnings = output.split('\n').filter((line) => line.includes('[WARN]'));
    expect(warnings).toEqual([]);
  });

  it.each(['/articles/with-code-mdx/', '/articles/with-code-md/'])(
    'renders code in %s as plain <pre><code>, without style attributes',
    async (path) => {
      const $ = await page(path);
      expect($('main pre code').text()).toContain("const help = 'is one call away';");
      expect($('main [style]').length).toBe(0);
    },
  );
});
