/**
 * Plain text from WordPress's escaped titles and descriptions, and cuts at a word.
 */
import { describe, expect, it } from 'vitest';
import { cutAtWord, plainText } from '../../../../src/import/wordpress/plan/text.ts';

describe('plainText', () => {
  it.each([
    ['plain', '  Hello   world ', 'Hello world'],
    ['named and numeric entities', 'Tips &amp; tricks &#8220;now&#8221; &hellip;', 'Tips & tricks “now” …'],
    ['markup stripped', '<p>One <em>two</em></p>\n<p>three</p>', 'One two three'],
    ['script and style say nothing', 'A<script>alert(1)</script><style>p{}</style> B', 'A B'],
    ['a lone ampersand', 'R&D', 'R&D'],
    ['empty', '', ''],
  ])('%s', (_, html, text) => {
    expect(plainText(html)).toBe(text);
  });
});

describe('cutAtWord', () => {
  it.each([
    ['fits: unchanged', 'one two three', 20, true, 'one two three'],
    ['exactly the limit: unchanged', 'one two', 7, true, 'one two'],
    ['cut at the last space that fits, with "…"', 'one two three four', 12, true, 'one two…'],
    ['without ellipsis the whole limit is room', 'one two three four', 13, false, 'one two three'],
    ['trailing comma dropped before "…"', 'one two, three four', 13, true, 'one two…'],
    ['one long word: cut inside it', 'abcdefghijklmnopqrstuvwxyz', 10, true, 'abcdefghi…'],
    ['a far-back space is not used', 'ab cdefghijklmnopqrstuvwxyz', 10, true, 'ab cdefgh…'],
    ['no half surrogate pair', 'ab😀😀😀😀', 5, false, 'ab😀'],
  ])('%s', (_, text, max, ellipsis, expected) => {
    const cut = cutAtWord(text, max, ellipsis);
    expect(cut).toBe(expected);
    expect(cut.length).toBeLessThanOrEqual(max);
  });
});
