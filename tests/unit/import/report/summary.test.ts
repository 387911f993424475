/**
 * The summary table, its folded outcomes, and the exit codes.
 */
import { describe, expect, it } from 'vitest';
import {
  addOutcomes,
  emptySummary,
  EXIT_CODE_MEANINGS,
  EXIT_CODES,
  exitCode,
  renderSummary,
  SUMMARY_ROWS,
  type Summary,
} from '../../../../src/import/wordpress/report/summary.ts';
import type { FileOutcome } from '../../../../src/import/wordpress/write/commit.ts';

const summaryWith = (edit: (s: Summary) => void): Summary => {
  const s = emptySummary();
  edit(s);
  return s;
};

describe('renderSummary', () => {
  it('is an aligned table with one row per kind, under 80 columns', () => {
    const text = renderSummary(
      summaryWith((s) => {
        s.articles.imported = 52;
        s.articles.skipped = 6;
        s.articles.needsReview = 51;
        s.images.imported = 184;
        s.redirects.unchanged = 1234;
      }),
    );
    expect(text).toBe(
      [
        '           imported  updated  unchanged  skipped  needs review  failed',
        'articles         52        0          0        6            51       0',
        'topics            0        0          0        0             0       0',
        'people            0        0          0        0             0       0',
        'images          184        0          0        0             0       0',
        'redirects         0        0       1234        0             0       0',
        '',
      ].join('\n'),
    );
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it.each([
    ['removed', 'updated', 3, /"updated" includes 3 removed/],
    ['conflicts', 'failed', 1, /"failed" includes 1 conflict: edited by hand/],
  ] as const)('folds %s into "%s" and says so under the table', (key, column, n, footnote) => {
    const text = renderSummary(
      summaryWith((s) => {
        s.articles[key] = n;
        s.articles[column] = 1;
      }),
    );
    const headers = text.split('\n')[0]!.trim().split(/ {2,}/);
    const cells = text.split('\n')[1]!.trim().split(/ +/).slice(1);
    expect(cells[headers.indexOf(column)]).toBe(String(n + 1));
    expect(text).toMatch(footnote);
  });

  it('prints no footnote when nothing was folded', () => {
    expect(renderSummary(emptySummary()).split('\n')).toHaveLength(SUMMARY_ROWS.length + 2);
  });
});

describe('addOutcomes', () => {
  it('counts each file in the row its path belongs to, and skips files of no row', () => {
    const outcomes: FileOutcome[] = [
      { path: 'src/content/articles/a.md', outcome: 'created' },
      { path: 'src/content/articles/b.md', outcome: 'conflict', reason: 'edited-since-import' },
      { path: 'src/content/articles/c.md', outcome: 'removed' },
      { path: 'src/content/topics/t.json', outcome: 'unchanged' },
      { path: 'src/content/articles/a/hero.jpg', outcome: 'updated' },
      { path: 'src/content/wordpress-import.json', outcome: 'updated' },
    ];
    const rowOf = (path: string) =>
      path.endsWith('.jpg')
        ? 'images'
        : path.includes('/articles/')
          ? 'articles'
          : path.includes('/topics/')
            ? 'topics'
            : undefined;
    const s = addOutcomes(emptySummary(), outcomes, rowOf);
    expect(s.articles).toMatchObject({ imported: 1, conflicts: 1, removed: 1, updated: 0 });
    expect(s.topics.unchanged).toBe(1);
    expect(s.images.updated).toBe(1);
    expect(s.people).toEqual(emptySummary().people);
  });
});

describe('exitCode', () => {
  it.each<[string, Parameters<typeof exitCode>[0], number]>([
    ['not started', { started: false }, 1],
    ['all done', { started: true, strict: false, summary: emptySummary() }, 0],
    [
      'needs review, not strict',
      { started: true, strict: false, summary: summaryWith((s) => (s.articles.needsReview = 2)) },
      0,
    ],
    [
      'needs review, --strict',
      { started: true, strict: true, summary: summaryWith((s) => (s.articles.needsReview = 2)) },
      3,
    ],
    [
      'a failed item',
      { started: true, strict: false, summary: summaryWith((s) => (s.images.failed = 1)) },
      2,
    ],
    [
      'a conflict',
      { started: true, strict: false, summary: summaryWith((s) => (s.topics.conflicts = 1)) },
      2,
    ],
    [
      'a failure outranks --strict review',
      {
        started: true,
        strict: true,
        summary: summaryWith((s) => {
          s.articles.failed = 1;
          s.articles.needsReview = 1;
        }),
      },
      2,
    ],
  ])('%s → %i', (_, result, code) => {
    expect(exitCode(result)).toBe(code);
  });

  it('documents every code in one line', () => {
    expect(Object.keys(EXIT_CODE_MEANINGS).map(Number).sort()).toEqual(Object.values(EXIT_CODES).sort());
    for (const meaning of Object.values(EXIT_CODE_MEANINGS)) expect(meaning).not.toContain('\n');
  });
});
