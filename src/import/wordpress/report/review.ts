/**
 * The list of what needs review, grouped by reason code so that a person fixes one kind of
 * problem at a time: one line per item and reason, with the item's kind, id and old
 * address. Only findings with `review: true` count; the order is stable (code, then kind,
 * then id, numerically when both are numbers, then detail) so two runs print the same list.
 */
import type { Finding } from '../findings.ts';
import { safeAddress, scrub } from './privacy.ts';

/** What a review line is about. */
export type ReviewKind = 'article' | 'topic' | 'person' | 'image' | 'redirect' | 'item';

/** One item and what was found about it; `id` is a post id or an entry id, never a title. */
export interface ReviewItem {
  kind: ReviewKind;
  id: string | number;
  /** The item's address on the old site. */
  oldUrl?: string;
  findings: readonly Finding[];
}

/** One line of the list, already made safe to print. */
export interface ReviewEntry {
  kind: ReviewKind;
  id: string;
  oldUrl?: string;
  detail?: string;
}

/** All the lines for one reason code. */
export interface ReviewGroup {
  code: string;
  entries: ReviewEntry[];
}

const KIND_ORDER: readonly ReviewKind[] = ['article', 'topic', 'person', 'image', 'redirect', 'item'];
const CODE = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Ids in a stable order: numerically when both are numbers (2 before 10), else by code unit. */
export const compareIds = (a: string, b: string): number =>
  /^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) || compare(a, b) : compare(a, b);

/**
 * The review findings grouped by code, each group's entries sorted and de-duplicated.
 * Throws on a code that is not kebab- or snake-case: codes are constants, documented in
 * the README, and a sentence in their place would be a bug (and perhaps post text).
 */
export function reviewGroups(items: readonly ReviewItem[]): ReviewGroup[] {
  const groups = new Map<string, Map<string, ReviewEntry>>();
  for (const item of items) {
    for (const { code, detail, review } of item.findings) {
      if (!review) continue;
      if (!CODE.test(code)) throw new Error(`not a reason code: ${JSON.stringify(code.slice(0, 40))}`);
      const entry: ReviewEntry = { kind: item.kind, id: scrub(String(item.id)) };
      if (item.oldUrl) entry.oldUrl = safeAddress(item.oldUrl);
      if (detail) entry.detail = scrub(detail).slice(0, 80);
      const group = groups.get(code) ?? new Map<string, ReviewEntry>();
      group.set(JSON.stringify([entry.kind, entry.id, entry.detail ?? '']), entry);
      groups.set(code, group);
    }
  }
  return [...groups.keys()].sort(compare).map((code) => ({
    code,
    entries: [...groups.get(code)!.values()].sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        compareIds(a.id, b.id) ||
        compare(a.detail ?? '', b.detail ?? ''),
    ),
  }));
}

/** The list as plain text: a heading per reason code with its count, then its lines. */
export function renderReviewList(items: readonly ReviewItem[]): string {
  const groups = reviewGroups(items);
  if (groups.length === 0) return 'Nothing needs review.\n';
  const itemCount = new Set(groups.flatMap((g) => g.entries.map((e) => `${e.kind} ${e.id}`))).size;
  const lineCount = groups.reduce((n, g) => n + g.entries.length, 0);
  const lines = [
    `Needs review: ${itemCount} item${itemCount === 1 ? '' : 's'}, ${lineCount} reason${lineCount === 1 ? '' : 's'}`,
  ];
  for (const { code, entries } of groups) {
    lines.push(`${code} (${entries.length})`);
    const width = Math.max(...entries.map((e) => `${e.kind} ${e.id}`.length));
    for (const e of entries) {
      const parts = [`${e.kind} ${e.id}`.padEnd(width), e.oldUrl, e.detail && `(${e.detail})`];
      lines.push(`  ${parts.filter(Boolean).join('  ').trimEnd()}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
