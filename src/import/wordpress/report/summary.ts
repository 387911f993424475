/**
 * The summary a person sees after an import (issue 13, "What a person sees"): for articles,
 * topics, people, images and redirects, how many were imported, updated, unchanged,
 * skipped, need review or failed. This file holds the counts and the table; the review
 * list, the JSON report and the exit codes live next to it and are re-exported here.
 *
 * Two outcomes are folded into the six columns, each with a footnote under the table when
 * it is not zero: a file removed because its item is no longer imported counts as
 * "updated" (the project changed to follow the export), and a conflict (a file edited by
 * hand, left alone) counts as "failed" (the export did not fully land, and the exit code
 * says so).
 */
import type { FileOutcome } from '../write/commit.ts';

export { renderReviewList, type ReviewItem, type ReviewKind } from './review.ts';
export { jsonReport, type ReportInput, type SkippedItem } from './json.ts';
export { EXIT_CODES, EXIT_CODE_MEANINGS, exitCode, type ExitCode, type RunResult } from './exit.ts';

/** The summary's rows, in the order shown. */
export const SUMMARY_ROWS = ['articles', 'topics', 'people', 'images', 'redirects'] as const;

/** One row's name. */
export type SummaryRowName = (typeof SUMMARY_ROWS)[number];

/** One row's counts; `removed` and `conflicts` are shown folded (see the module comment). */
export interface RowCounts {
  imported: number;
  updated: number;
  removed: number;
  unchanged: number;
  skipped: number;
  needsReview: number;
  failed: number;
  conflicts: number;
}

/** Counts for every row. */
export type Summary = Record<SummaryRowName, RowCounts>;

/** A summary with every count at zero. */
export function emptySummary(): Summary {
  const zero = (): RowCounts => ({
    imported: 0,
    updated: 0,
    removed: 0,
    unchanged: 0,
    skipped: 0,
    needsReview: 0,
    failed: 0,
    conflicts: 0,
  });
  return { articles: zero(), topics: zero(), people: zero(), images: zero(), redirects: zero() };
}

const OUTCOME_COLUMN = {
  created: 'imported',
  updated: 'updated',
  removed: 'removed',
  unchanged: 'unchanged',
  conflict: 'conflicts',
} as const satisfies Record<FileOutcome['outcome'], keyof RowCounts>;

/**
 * Adds the writer's file outcomes to `summary`, each in the row `rowOf` gives its path
 * (files of no row, such as the manifest, are not counted). Returns `summary`.
 */
export function addOutcomes(
  summary: Summary,
  outcomes: readonly FileOutcome[],
  rowOf: (path: string) => SummaryRowName | undefined,
): Summary {
  for (const { path, outcome } of outcomes) {
    const row = rowOf(path);
    if (row) summary[row][OUTCOME_COLUMN[outcome]] += 1;
  }
  return summary;
}

const COLUMNS: readonly { header: string; value: (c: RowCounts) => number }[] = [
  { header: 'imported', value: (c) => c.imported },
  { header: 'updated', value: (c) => c.updated + c.removed },
  { header: 'unchanged', value: (c) => c.unchanged },
  { header: 'skipped', value: (c) => c.skipped },
  { header: 'needs review', value: (c) => c.needsReview },
  { header: 'failed', value: (c) => c.failed + c.conflicts },
];

/**
 * The summary as an aligned plain-text table (numbers right-aligned, under 80 columns for
 * counts below a million), with a footnote for each folded outcome that is not zero.
 */
export function renderSummary(summary: Summary): string {
  const labelWidth = Math.max(...SUMMARY_ROWS.map((row) => row.length));
  const widths = COLUMNS.map(({ header, value }) =>
    Math.max(header.length, ...SUMMARY_ROWS.map((row) => String(value(summary[row])).length)),
  );
  const line = (label: string, cells: readonly string[]) =>
    [label.padEnd(labelWidth), ...cells.map((cell, i) => cell.padStart(widths[i]!))].join('  ').trimEnd();
  const lines = [
    line(
      '',
      COLUMNS.map((c) => c.header),
    ),
    ...SUMMARY_ROWS.map((row) =>
      line(
        row,
        COLUMNS.map((c) => String(c.value(summary[row]))),
      ),
    ),
  ];
  const total = (key: 'removed' | 'conflicts') => SUMMARY_ROWS.reduce((n, row) => n + summary[row][key], 0);
  const removed = total('removed');
  const conflicts = total('conflicts');
  if (removed > 0)
    lines.push(`"updated" includes ${removed} removed: imported before, no longer imported now.`);
  if (conflicts > 0)
    lines.push(
      `"failed" includes ${conflicts} conflict${conflicts === 1 ? '' : 's'}: edited by hand since the import, left alone (--force overwrites).`,
    );
  return `${lines.join('\n')}\n`;
}
