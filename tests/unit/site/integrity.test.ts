import { describe, expect, it } from 'vitest';
import { findReferenceProblems, type ArticleRefs } from '../../../src/lib/integrity.ts';

const known = {
  people: new Map([
    ['reviewer', { reviewsClinicalContent: true }],
    ['writer', { reviewsClinicalContent: false }],
  ]),
  topics: new Set(['care']),
  programs: new Set(['iop']),
};
const good: ArticleRefs = {
  id: 'a',
  filePath: 'src/content/articles/a.mdx',
  author: 'writer',
  reviewer: 'reviewer',
  topics: ['care'],
  programs: ['iop'],
};

describe('findReferenceProblems', () => {
  it('accepts an article whose references all resolve', () => {
    expect(findReferenceProblems([good], known)).toEqual([]);
  });

  it.each([
    [{ reviewer: 'writer' }, 'src/content/articles/a.mdx: reviewer "writer" may not review clinical content'],
    [{ reviewer: 'nobody' }, 'src/content/articles/a.mdx: reviewer "nobody" is not an entry'],
    [{ author: 'ghost' }, 'src/content/articles/a.mdx: author "ghost" is not an entry'],
    [{ topics: ['care', 'nope'] }, 'src/content/articles/a.mdx: topics "nope" is not an entry'],
    [{ programs: ['residential'] }, 'src/content/articles/a.mdx: programs "residential" is not an entry'],
  ])('reports %j', (change, message) => {
    const problems = findReferenceProblems([{ ...good, ...change }], known);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });
});
