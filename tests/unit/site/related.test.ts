import { describe, expect, it } from 'vitest';
import { createRelatedFinder } from '../../../src/lib/related.ts';

const item = (id: string, topics: string[], day: number) => ({
  id,
  topics,
  publishedAt: new Date(2026, 0, day),
});
const items = [
  item('a', ['x', 'y'], 1),
  item('b', ['x', 'y'], 2),
  item('c', ['x'], 3),
  item('d', ['z'], 4),
  item('e', ['y'], 5),
];
const related = createRelatedFinder(items, (i) => i.topics);
const ids = (list: { id: string }[]) => list.map((i) => i.id);

describe('related articles', () => {
  it.each([
    ['most shared topics first, then newest', 'a', 3, ['b', 'e', 'c']],
    ['never the article itself', 'b', 5, ['a', 'e', 'c']],
    ['nothing when no topic is shared', 'd', 3, []],
    ['respects the limit', 'a', 1, ['b']],
  ])('%s', (_name, id, limit, expected) => {
    expect(
      ids(
        related(
          items.find((i) => i.id === id)!,
          limit,
        ),
      ),
    ).toEqual(expected);
  });

  it('stays fast for thousands of articles on few topics', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      item(`n${i}`, [`t${i % 5}`, `t${(i + 1) % 5}`], i % 28),
    );
    const find = createRelatedFinder(many, (i) => i.topics);
    // Each look-up reads a bounded candidate list, so all 5,000 finish well inside the test timeout.
    for (const target of many) expect(find(target).length).toBe(3);
  });
});
