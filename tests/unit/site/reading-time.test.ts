import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '../../../src/lib/reading-time.ts';

describe('countWords', () => {
  it.each([
    ['plain words', 'One two three', 3],
    ['markdown headings and emphasis', '## Heading here\n\n**bold** and _italic_', 5],
    ['imports are not read', "import X from '../x.astro';\n\nHello world", 2],
    ['component tags are not read', "<ProgramComparison programs={['a']} />\nText", 1],
    ['link targets are not read', 'See [our programs](/programs/) now', 4],
    ['lone punctuation is not a word', 'Wait - what ? |', 2],
    ['empty', '', 0],
  ])('%s', (_name, source, expected) => {
    expect(countWords(source)).toBe(expected);
  });
});

describe('readingMinutes', () => {
  it.each([
    [0, 1],
    [100, 1],
    [220, 1],
    [440, 2],
    [1100, 5],
    [1300, 6],
  ])('%i words -> %i min', (words, minutes) => {
    expect(readingMinutes(Array.from({ length: words }, () => 'word').join(' '))).toBe(minutes);
  });
});
