/**
 * The JSON report: the summary, the review list and the skipped items, for a script or a
 * person to keep. It holds ids, codes, paths, addresses and counts only; the input type
 * has no field for anything else, and what could carry text anyway (a finding's detail,
 * an address) goes through the same scrubbing as the printed list. Keys are sorted so two
 * runs on the same export write the same bytes.
 */
import type { FileOutcome } from '../write/commit.ts';
import { safeAddress, scrub } from './privacy.ts';
import { compareIds, reviewGroups, type ReviewItem } from './review.ts';
import type { Summary } from './summary.ts';

/**
 * An item of the export that was not imported. `oldUrl` is kept for pages only (so a
 * person can map each to a new page): a private or trashed post's address is never shown.
 */
export interface SkippedItem {
  id: string | number;
  /** The WordPress post type, e.g. `page`, `nav_menu_item`, `post`. */
  type: string;
  /** A reason code, e.g. `private`, `revision`. */
  reason?: string;
  oldUrl?: string;
}

/** Everything the JSON report is made from. */
export interface ReportInput {
  summary: Summary;
  review: readonly ReviewItem[];
  skipped: readonly SkippedItem[];
  /** The writer's outcomes; only the conflicts are listed, by path and reason. */
  files?: readonly FileOutcome[];
  exitCode: number;
  dryRun: boolean;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

/** JSON with every object's keys in code-unit order and two-space indentation. */
function stableStringify(value: Json): string {
  const sort = (v: Json): Json =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .filter((k) => v[k] !== undefined)
              .sort()
              .map((k) => [k, sort(v[k]!)]),
          )
        : v;
  return JSON.stringify(sort(value), null, 2);
}

/** The JSON report's text, ending with a newline. */
export function jsonReport(input: ReportInput): string {
  const skipped = [...input.skipped]
    .map((item) => ({
      id: scrub(String(item.id)),
      type: scrub(item.type),
      reason: item.reason === undefined ? undefined : scrub(item.reason),
      oldUrl: item.type === 'page' && item.oldUrl ? safeAddress(item.oldUrl) : undefined,
    }))
    .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : compareIds(a.id, b.id)));
  const conflicts = (input.files ?? [])
    .filter((f) => f.outcome === 'conflict')
    .map((f) => ({ path: scrub(f.path), reason: f.reason ?? null }));
  const summary = Object.fromEntries(
    Object.entries(input.summary).map(([row, counts]) => [row, { ...counts }]),
  );
  return `${stableStringify({
    version: 1,
    dryRun: input.dryRun,
    exitCode: input.exitCode,
    summary,
    review: reviewGroups(input.review).map((g) => ({
      code: g.code,
      count: g.entries.length,
      items: g.entries,
    })),
    skipped,
    conflicts,
  } as unknown as Json)}\n`;
}
