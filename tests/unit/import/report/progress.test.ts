/**
 * The progress display: a throttled bar on a terminal, five plain lines elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../../src/import/wordpress/report/progress.ts';

const sink = (isTTY: boolean, columns = 60) => {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns, write: (s: string) => writes.push(s) } };
};

describe('not a terminal (CI, a log file)', () => {
  it.each([
    [4, [1, 1, 1, 1], ['0%', '25%', '50%', '75%', '100%']],
    [100, Array(100).fill(1), ['0%', '25%', '50%', '75%', '100%']],
    [10, [3, 3], ['0%', '25%', '50%', '100%']],
    [2, [2], ['0%', '100%']],
    [0, [], ['100%']],
  ])('%i items, ticks %j → lines at %j only', (total, ticks, steps) => {
    const { writes, stream } = sink(false);
    const progress = createProgress(stream, total, 'articles', { env: {} });
    for (const n of ticks) progress.tick(n);
    progress.done();
    progress.done();
    expect(writes.map((w) => w.match(/: (\d+%)/)?.[1])).toEqual(steps);
    for (const w of writes) expect(w).toMatch(/^articles: \d+% \(\d+\/\d+\)\n$/);
  });

  it('CI=true on a terminal is treated as not a terminal', () => {
    const { writes, stream } = sink(true);
    createProgress(stream, 4, 'images', { env: { CI: 'true' } }).done();
    expect(writes).toEqual(['images: 0% (0/4)\n', 'images: 100% (4/4)\n']);
  });
});

describe('a terminal', () => {
  it('redraws one line with \\r at most every 100 ms, and once more at done()', () => {
    let clock = 1000;
    const { writes, stream } = sink(true);
    const progress = createProgress(stream, 10, 'articles', { now: () => clock, env: {} });
    progress.tick(); // 0 ms since the first draw: not redrawn
    clock += 50;
    progress.tick(); // 50 ms: not redrawn
    clock += 60;
    progress.tick(); // 110 ms: redrawn
    progress.done();
    expect(writes).toHaveLength(4);
    expect(writes.slice(0, 3).every((w) => w.startsWith('\r') && !w.includes('\n'))).toBe(true);
    expect(writes[1]).toContain(' 3/10  30%');
    expect(writes[2]).toContain(' 10/10 100%');
    expect(writes[3]).toBe('\n');
  });

  it.each([40, 80, 200])('fits a %i-column terminal', (columns) => {
    const { writes, stream } = sink(true, columns);
    const progress = createProgress(stream, 5000, 'articles', { env: {} });
    progress.done();
    for (const w of writes) expect(w.replace('\r', '').length).toBeLessThan(columns);
    expect(writes[1]).toMatch(/^\rarticles \[#+\] 5000\/5000 100%$/);
  });

  it('ignores ticks after done()', () => {
    const { writes, stream } = sink(true);
    const progress = createProgress(stream, 2, 'x', { now: () => 0, env: {} });
    progress.done();
    progress.tick();
    expect(writes).toHaveLength(3);
  });
});
