import { describe, expect, it } from 'vitest';
import { assertUniqueSlugs, slugFromId } from '../../../src/lib/slugs.ts';

describe('slugFromId', () => {
  it.each([
    ['iop-vs-outpatient', 'iop-vs-outpatient'],
    ['2026/iop-vs-outpatient', 'iop-vs-outpatient'],
    ['gen/article-1', 'article-1'],
  ])('%s -> %s', (id, slug) => expect(slugFromId(id)).toBe(slug));

  it.each(['Bad Name', 'under_score', 'trailing-', 'a--b', ''])('refuses %j', (id) => {
    expect(() => slugFromId(id)).toThrow(/cannot be a URL/);
  });
});

describe('assertUniqueSlugs', () => {
  it('accepts distinct file names in any folder', () => {
    expect(() => assertUniqueSlugs([{ id: 'a/one' }, { id: 'b/two' }])).not.toThrow();
  });
  it('names both files when two would share a URL', () => {
    expect(() =>
      assertUniqueSlugs([
        { id: 'a/same', filePath: 'src/content/articles/a/same.mdx' },
        { id: 'b/same', filePath: 'src/content/articles/b/same.mdx' },
      ]),
    ).toThrow('src/content/articles/b/same.mdx and src/content/articles/a/same.mdx');
  });
});
