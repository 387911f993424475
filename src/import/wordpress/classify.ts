/**
 * What becomes of each item of a WordPress export, from its type, status and password
 * alone (issue 13, "What is published"). Pure.
 *
 * - posts: `publish` is published; `draft`, `pending` and `future` come over as drafts;
 *   `private`, `trash` and password-protected posts are never written, and what is said
 *   of them carries only their id, never a title, an address or a word of their text;
 * - pages are skipped with their old address, so a person can map each to a new page;
 * - attachments are not articles: the image step uses them;
 * - menu items, revisions and every other type are skipped, by type.
 */
import type { WxrItem } from './wxr.ts';

export type Classification =
  | { action: 'article'; draft: boolean }
  | { action: 'never'; reason: 'private' | 'trash' | 'password' | 'unknown_status' }
  | { action: 'page'; link: string }
  | { action: 'attachment' }
  | { action: 'skip'; reason: string };

const DRAFT_STATUSES = new Set(['draft', 'pending', 'future', 'auto-draft']);

export function classifyItem(
  item: Pick<WxrItem, 'type' | 'status' | 'hasPassword' | 'link'>,
): Classification {
  if (item.type === 'attachment') return { action: 'attachment' };
  if (item.type === 'page') return { action: 'page', link: item.link };
  if (item.type !== 'post') return { action: 'skip', reason: item.type || 'no_type' };
  // Checked before the status: a published post behind a password is still private.
  if (item.hasPassword) return { action: 'never', reason: 'password' };
  if (item.status === 'private' || item.status === 'trash') return { action: 'never', reason: item.status };
  if (item.status === 'publish') return { action: 'article', draft: false };
  if (DRAFT_STATUSES.has(item.status)) return { action: 'article', draft: true };
  // A status we do not know (a plugin's): not published on a guess.
  return { action: 'never', reason: 'unknown_status' };
}

/** How many items each outcome got, for the summary; every item lands in exactly one row. */
export function tally(items: readonly WxrItem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const outcome = classifyItem(item);
    const key =
      outcome.action === 'article'
        ? outcome.draft
          ? 'article:draft'
          : 'article:published'
        : outcome.action === 'never' || outcome.action === 'skip'
          ? `${outcome.action}:${outcome.reason}`
          : outcome.action;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
