/**
 * Every post of both real exports (../shared) converts: no block comment, script, inline
 * style or caption shortcode left, and every body compiles with the site's own compiler as
 * Markdown and as MDX. Skipped, with a warning, in a clone without ../shared.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyItem } from '../../../../src/import/wordpress/classify.ts';
import { checkBody, convertPost, type ConvertedBody } from '../../../../src/import/wordpress/html/index.ts';
import { readWxr } from '../../../../src/import/wordpress/wxr.ts';
import { testContext } from './context.ts';

const FIXTURES = fileURLToPath(new URL('../../../../../shared/fixtures/wordpress/', import.meta.url));
const haveFixtures = existsSync(FIXTURES);
if (!haveFixtures)
  console.warn(
    `Skipping the HTML conversion of the real WordPress exports: ${FIXTURES} is absent (it lives in ../shared).`,
  );

interface Converted {
  id: number;
  result: ConvertedBody;
}

describe.skipIf(!haveFixtures).each([
  [
    'themeunittestdata.wordpress.xml',
    { 'embed-linked': 8, 'unknown-shortcode': 14, 'h1-demoted': 3, 'media-dropped': 9 },
  ],
  ['wptest/wptest.xml', { 'embed-linked': 2, 'unknown-shortcode': 15, 'h1-demoted': 1 }],
] as const)('real export %s (skipped without ../shared)', (file, someCounts) => {
  let converted: Converted[] = [];
  let html: string[] = [];

  beforeAll(() => {
    const wxr = readWxr(readFileSync(`${FIXTURES}${file}`, 'utf8'), file);
    const posts = wxr.items.filter((item) => classifyItem(item).action === 'article');
    html = posts.map((post) => post.content);
    converted = posts.map((post) => ({ id: post.id, result: convertPost(post.content, testContext()) }));
  });

  it('leaves no block comment, script, inline style or caption shortcode', () => {
    expect(converted.length).toBeGreaterThan(30);
    for (const { result } of converted) {
      // A code block may show block markup as its text (the theme unit test's code block does).
      const prose = result.body.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
      expect(prose).not.toContain('<!-- wp:');
      expect(result.body).not.toContain('<script');
      expect(result.body).not.toContain('style=');
      // The shortcode, not a Markdown link whose text is the word ([caption](url)).
      expect(result.body).not.toMatch(/\[caption(?:\s|\](?!\())/);
      expect(result.body).not.toMatch(/\n\n$|^\n./);
      expect(result.body.endsWith('\n')).toBe(true);
    }
  });

  it('every body compiles as Markdown and as MDX with the site compiler', async () => {
    const failures: string[] = [];
    for (const { id, result } of converted)
      for (const format of ['md', 'mdx'] as const) {
        const error = await checkBody(result.body, format);
        if (error) failures.push(`${id} ${format} ${error.line}:${error.column} ${error.message}`);
      }
    expect(failures).toEqual([]);
  });

  it('reports what it changed, by code', () => {
    const counts: Record<string, number> = {};
    for (const { result } of converted)
      for (const found of result.findings) counts[found.code] = (counts[found.code] ?? 0) + 1;
    expect(counts).toMatchObject(someCounts);
  });

  it('is byte-identical on a second run', () => {
    expect(html.map((content) => convertPost(content, testContext()).body)).toEqual(
      converted.map(({ result }) => result.body),
    );
  });
});
