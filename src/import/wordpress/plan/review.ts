/**
 * The clinical review an import may record (issue 13, "Medical review is never invented").
 * WordPress knows no reviewer and no review date, so imported articles stay drafts unless
 * the person importing attests, for the whole export, who reviewed it and when
 * (`--reviewed-by <people entry> --reviewed-on <YYYY-MM-DD>`). The attestation is held to
 * the rules the build enforces (src/lib/seo/review.ts), so an import never writes an
 * article the build would then refuse. Pure: `now` is passed in.
 */
import { isoDay } from '../../../lib/dates.ts';
import { clinicalCredentialsOf, reviewDueDate } from '../../../lib/seo/review.ts';
import type { ReviewPolicy } from '../../../site.config.ts';

/** What the flags amount to: a review to record, none (articles stay drafts), or an error to show. */
export type Attestation =
  | { ok: true; reviewer: string; reviewedAt: string }
  | { ok: true; reviewer: null }
  | { ok: false; message: string };

/** A people entry as far as review goes. */
export interface ReviewerEntry {
  credentials: string[];
  reviewsClinicalContent: boolean;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day as a UTC midnight Date when `text` is a real calendar day in YYYY-MM-DD, else null. */
function calendarDay(text: string): Date | null {
  const match = DAY.exec(text);
  if (!match) return null;
  const date = new Date(`${text}T00:00:00Z`);
  // "2026-02-30" parses as NaN; a round trip catches any other day that does not exist.
  return Number.isNaN(date.getTime()) || isoDay(date) !== text ? null : date;
}

/** Checks `--reviewed-by` and `--reviewed-on` together; every refusal says what to change. */
export function attestation(
  options: { reviewedBy?: string; reviewedOn?: string },
  people: ReadonlyMap<string, ReviewerEntry>,
  policy: ReviewPolicy,
  now: Date,
): Attestation {
  const by = options.reviewedBy?.trim() ?? '';
  const on = options.reviewedOn?.trim() ?? '';
  if (!by && !on) return { ok: true, reviewer: null };
  if (!on) {
    return {
      ok: false,
      message: '--reviewed-by needs --reviewed-on: give the day the clinical review was done, as YYYY-MM-DD.',
    };
  }
  if (!by) {
    return {
      ok: false,
      message:
        '--reviewed-on needs --reviewed-by: give the id of the people entry who did the clinical review.',
    };
  }

  const person = people.get(by);
  if (!person) {
    return {
      ok: false,
      message: `--reviewed-by "${by}": there is no such entry in src/content/people/ (give the file name without .yaml).`,
    };
  }
  if (!person.reviewsClinicalContent) {
    return {
      ok: false,
      message: `--reviewed-by "${by}": this entry is not allowed to review clinical content (reviewsClinicalContent is not true).`,
    };
  }
  if (clinicalCredentialsOf(person.credentials, policy).length === 0) {
    const held = person.credentials.length ? person.credentials.join(', ') : 'none';
    return {
      ok: false,
      message:
        `--reviewed-by "${by}": holds no clinical credential (credentials: ${held}); ` +
        `a clinical reviewer needs one of ${policy.clinicalCredentials.join(', ')}.`,
    };
  }

  const day = calendarDay(on);
  if (!day) {
    return { ok: false, message: `--reviewed-on "${on}" is not a calendar day written as YYYY-MM-DD.` };
  }
  // The build's rule: a review may not lie in the future (src/content.config.ts).
  if (day.getTime() > now.getTime()) {
    return { ok: false, message: `--reviewed-on ${on} is in the future; give the day the review was done.` };
  }
  const due = reviewDueDate(day, policy.maxAgeMonths);
  if (due.getTime() < now.getTime()) {
    return {
      ok: false,
      message:
        `--reviewed-on ${on} is older than ${policy.maxAgeMonths} months (site.review.maxAgeMonths in ` +
        `src/site.config.ts): the review was due again by ${isoDay(due)}, so the build would refuse these articles.`,
    };
  }
  return { ok: true, reviewer: by, reviewedAt: on };
}
