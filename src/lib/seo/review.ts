/**
 * Clinical review rules for articles, checked when content is loaded so a build fails
 * with the file and the reason: every article needs a review no older than the limit in
 * `site.review`, by a reviewer who holds a clinical credential.
 */
import type { ReviewPolicy } from '../../site.config.ts';
import { isoDay } from '../dates.ts';

export interface ReviewedArticle {
  /** Source file, e.g. "src/content/articles/iop-vs-outpatient.mdx". */
  file: string;
  reviewedAt: Date | undefined;
  /** Id of the reviewer's entry in `people`. */
  reviewer: string;
}

export interface Reviewer {
  /** Source file, e.g. "src/content/people/clinical-review-team.yaml". */
  file: string;
  credentials: string[];
}

/** The day a review done on `reviewedAt` runs out, `months` later (end-of-month safe). */
export function reviewDueDate(reviewedAt: Date, months: number): Date {
  const due = new Date(reviewedAt);
  const day = due.getUTCDate();
  due.setUTCDate(1);
  due.setUTCMonth(due.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(day, lastDay));
  return due;
}

/** Credentials of a reviewer that count as clinical under the policy (case-insensitive, dots ignored). */
export function clinicalCredentialsOf(credentials: string[], policy: ReviewPolicy): string[] {
  const norm = (c: string) => c.replace(/\./g, '').trim().toLowerCase();
  const accepted = new Set(policy.clinicalCredentials.map(norm));
  return credentials.filter((c) => accepted.has(norm(c)));
}

export function findReviewProblems(
  articles: ReviewedArticle[],
  reviewers: Map<string, Reviewer>,
  policy: ReviewPolicy,
  now: Date,
): string[] {
  const problems: string[] = [];
  const limit = `limit: site.review.maxAgeMonths = ${policy.maxAgeMonths} in src/site.config.ts`;
  for (const article of articles) {
    if (!article.reviewedAt) {
      problems.push(
        `${article.file}: reviewedAt is missing; every article needs the date of its clinical review.`,
      );
    } else {
      const due = reviewDueDate(article.reviewedAt, policy.maxAgeMonths);
      if (due.getTime() < now.getTime()) {
        problems.push(
          `${article.file}: the last clinical review (reviewedAt ${isoDay(article.reviewedAt)}) is older than ` +
            `${policy.maxAgeMonths} months; it was due again by ${isoDay(due)}. Have it reviewed and update ` +
            `reviewedAt (${limit}).`,
        );
      }
    }
    const reviewer = reviewers.get(article.reviewer);
    if (reviewer && clinicalCredentialsOf(reviewer.credentials, policy).length === 0) {
      const listed = reviewer.credentials.length ? reviewer.credentials.join(', ') : 'none';
      problems.push(
        `${article.file}: reviewer "${article.reviewer}" (${reviewer.file}) has no clinical credentials ` +
          `(credentials: ${listed}); a clinical reviewer needs one of ${policy.clinicalCredentials.join(', ')}.`,
      );
    }
  }
  return problems;
}
