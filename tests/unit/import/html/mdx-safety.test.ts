/**
 * Whatever text a post has comes out as the same visible text, read as Markdown and as
 * MDX: nothing MDX takes for code (`{`, `}`, `<`, `import`/`export` at a line start) leaks
 * through. Checked on chosen rows and on random text (fast-check).
 */
import fc from 'fast-check';
import type { Root } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { markdownToHtml, mdxToHast } from 'satteri';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { checkBody, convertPost } from '../../../../src/import/wordpress/html/index.ts';
import { testContext } from './context.ts';

const parser = unified().use(rehypeParse, { fragment: true });
const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
const textOfHtml = (html: string) => squash(toText(parser.parse(html)));
const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The text a reader sees when the body is rendered as Markdown, and as MDX. */
function visible(body: string): { md: string; mdx: string } {
  return {
    md: textOfHtml(markdownToHtml(body).html),
    mdx: squash(toText(mdxToHast(body) as unknown as Root)),
  };
}

async function expectSameText(html: string): Promise<void> {
  const { body } = convertPost(html, testContext());
  expect(await checkBody(body, 'md')).toBeNull();
  expect(await checkBody(body, 'mdx')).toBeNull();
  const expected = textOfHtml(html);
  expect(visible(body)).toEqual({ md: expected, mdx: expected });
}

describe('text MDX would read as code', () => {
  it.each([
    ['braces', '<p>Dose {per day} and a lone } or {</p>'],
    ['a tag written as text', '<p>Write &lt;div&gt; or &lt;Component /&gt; and a &lt; b</p>'],
    ['an import line', '<p>intro</p>\n<p>import the first thing from "y"</p>'],
    ['a valid import statement (MDX would run it)', '<p>import x from "y"</p>'],
    ['an export line', '<p>export const a = 1</p>'],
    ['import after a line break', '<p>first line<br>import a from "b"</p>'],
    ['HTML-looking entities', '<p>AT&amp;T &amp;copy; &amp;#123;</p>'],
    [
      'Markdown syntax as text',
      '<p># not a heading, *not em*, _nor_, `no code`, [no](link), 1. no list, - no item, &gt; no quote</p>',
    ],
    [
      'in a heading, a list, a table and a link',
      '<h2>{h}</h2><ul><li>&lt;li&gt;</li></ul><table><tr><th>{a}</th></tr><tr><td>&lt;b&gt;</td></tr></table><p><a href="https://example.org/{x}">{y}</a></p>',
    ],
    [
      'in image alt text',
      '<p><img src="https://old.example/wp-content/uploads/2013/03/a.jpg" alt="{alt} &lt;x&gt;"></p>',
    ],
    ['Greek', '<p>Ελληνικά {κείμενο} &lt;ετικέτα&gt;</p>'],
  ])('%s', async (_name, html) => {
    await expectSameText(html);
  });

  it('random text keeps its visible text and compiles as md and mdx', async () => {
    const pieces = [
      'a',
      'b',
      ' ',
      '{',
      '}',
      '<',
      '>',
      '&',
      '*',
      '_',
      '`',
      '#',
      '[',
      ']',
      '(',
      ')',
      '\\',
      '|',
      '!',
      '-',
      '+',
      '.',
      '1',
      '\n',
      'import ',
      'export ',
      '~',
      ':',
      '"',
      "'",
      '=',
      'é',
      'λ',
      '&amp;',
      ';',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join('')),
        async (raw) => {
          // `[[x]]` is WordPress's escape for a shortcode: it shows `[x]`, by design.
          fc.pre(!raw.includes('[['));
          await expectSameText(`<p>${escapeHtml(raw)}</p>`);
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  });
});

describe('checkBody', () => {
  it.each([
    ['fine Markdown', 'Hello **world**\n', 'md', null],
    ['fine MDX', 'Hello \\{world\\}\n', 'mdx', null],
    ['Markdown that is no MDX is fine as md', 'See <https://example.org> and {x\n', 'md', null],
    ['an open brace', 'Line one\n\nHello {world\n', 'mdx', { line: 3, column: 7 }],
    ['an autolink MDX does not have', 'See <https://example.org>\n', 'mdx', { line: 1, column: 5 }],
  ] as const)('%s', async (_name, body, format, at) => {
    const result = await checkBody(body, format);
    if (at === null) expect(result).toBeNull();
    else {
      expect(result).toMatchObject(at);
      expect(result?.message).not.toMatch(/^\d+:\d+/);
      expect(result?.message.length).toBeGreaterThan(0);
    }
  });
});
