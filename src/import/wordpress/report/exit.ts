/**
 * The importer's exit codes, with the one-line meaning the README and `--help` print.
 */
import type { Summary } from './summary.ts';

/** Every exit code the importer uses. */
export const EXIT_CODES = { done: 0, notStarted: 1, failed: 2, needsReview: 3 } as const;

/** One of EXIT_CODES. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** What each exit code means, one line each. */
export const EXIT_CODE_MEANINGS: Readonly<Record<ExitCode, string>> = {
  0: 'done: every item was imported, updated, unchanged or skipped on purpose',
  1: 'not started: bad arguments, or an unreadable or malformed export; nothing was written',
  2: 'finished, but some item failed or a hand-edited file was left alone (a conflict)',
  3: '--strict, and something needs review',
};

/** How a run ended: before it started anything, or with its summary. */
export type RunResult = { started: false } | { started: true; strict: boolean; summary: Summary };

/**
 * The exit code for a run. A failure or conflict outranks "needs review", so `--strict`
 * never hides a failed item behind code 3.
 */
export function exitCode(result: RunResult): ExitCode {
  if (!result.started) return EXIT_CODES.notStarted;
  const rows = Object.values(result.summary);
  if (rows.some((row) => row.failed + row.conflicts > 0)) return EXIT_CODES.failed;
  if (result.strict && rows.some((row) => row.needsReview > 0)) return EXIT_CODES.needsReview;
  return EXIT_CODES.done;
}
