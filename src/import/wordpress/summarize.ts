/**
 * From a planned and committed import to what a person is told: the summary's counts, the
 * list of what needs review and the items that became nothing. Every item of the export
 * lands in exactly one place, which `accountedFor` checks.
 */
import type { ImportPlan, PlannedEntry } from './plan-import.ts';
import { ARTICLES_DIR, REDIRECTS_FILE } from './plan-import.ts';
import {
  emptySummary,
  type ReviewItem,
  type SkippedItem,
  type Summary,
  type SummaryRowName,
} from './report/summary.ts';
import type { CommitResult } from './write/commit.ts';

const ROW: Record<PlannedEntry['kind'], SummaryRowName> = {
  article: 'articles',
  topic: 'topics',
  person: 'people',
  image: 'images',
  redirect: 'redirects',
};

/** The summary row of a file the importer wrote before and now removes. */
export function rowOfPath(path: string): SummaryRowName | undefined {
  if (path === REDIRECTS_FILE) return 'redirects';
  if (path.startsWith(`${ARTICLES_DIR}/uploads/`)) return 'images';
  if (path.startsWith(`${ARTICLES_DIR}/`)) return 'articles';
  if (path.startsWith('src/content/topics/')) return 'topics';
  if (path.startsWith('src/content/people/')) return 'people';
  return undefined;
}

export interface Told {
  summary: Summary;
  review: ReviewItem[];
  skipped: SkippedItem[];
  /** Posts never written because they are private, trashed or behind a password. */
  neverWritten: number;
}

const NEVER = new Set(['private', 'trash', 'password', 'unknown_status']);

export function summarize(plan: ImportPlan, commit: CommitResult): Told {
  const summary = emptySummary();
  const outcomeOf = new Map(commit.outcomes.map((o) => [o.path, o.outcome]));
  for (const entry of plan.entries) {
    if (entry.kind === 'redirect' && entry.id === 'redirects') continue;
    const row = summary[ROW[entry.kind]];
    if (entry.failed) row.failed += 1;
    else {
      const path = entry.kind === 'redirect' ? REDIRECTS_FILE : entry.path;
      const outcome = path ? outcomeOf.get(path) : undefined;
      if (outcome === 'created') row.imported += 1;
      else if (outcome === 'updated') row.updated += 1;
      else if (outcome === 'unchanged') row.unchanged += 1;
      else if (outcome === 'conflict') row.conflicts += 1;
    }
    if (entry.findings.some((f) => f.review) || (entry.kind === 'article' && entry.draft && !entry.failed))
      row.needsReview += 1;
  }
  const planned = new Set(plan.files.keys());
  for (const { path, outcome } of commit.outcomes) {
    if (planned.has(path)) continue;
    const row = rowOfPath(path);
    if (!row) continue;
    if (outcome === 'removed') summary[row].removed += 1;
    if (outcome === 'conflict') summary[row].conflicts += 1;
  }
  const neverWritten = plan.skipped.filter((s) => NEVER.has(s.reason)).length;
  summary.articles.skipped = neverWritten;
  summary.images.skipped =
    plan.skipped.filter((s) => s.reason === 'attachment').length -
    summary.images.imported -
    summary.images.updated -
    summary.images.unchanged;
  if (summary.images.skipped < 0) summary.images.skipped = 0;

  const review: ReviewItem[] = plan.entries
    .filter((e) => e.findings.some((f) => f.review))
    .map((e) => ({
      kind: e.kind,
      id: e.id,
      ...(e.oldUrl ? { oldUrl: e.oldUrl } : {}),
      findings: e.findings,
    }));
  const skipped: SkippedItem[] = plan.skipped.map((s) => ({
    id: s.id,
    type: s.reason === 'page' ? 'page' : NEVER.has(s.reason) ? 'post' : s.reason,
    reason: s.reason,
    ...(s.oldUrl ? { oldUrl: s.oldUrl } : {}),
  }));
  return { summary, review, skipped, neverWritten };
}

/** True when every item of the export is an article entry or a skipped item, once. */
export function accountedFor(plan: ImportPlan): boolean {
  const articles = plan.entries.filter((e) => e.kind === 'article').length;
  return articles + plan.skipped.length === plan.itemCount;
}
