import { describe, expect, it } from 'vitest';
import {
  clinicalCredentialsOf,
  findReviewProblems,
  reviewDueDate,
  type Reviewer,
} from '../../../src/lib/seo/review.ts';
import { site } from '../../../src/site.config.ts';

const policy = { maxAgeMonths: 12, clinicalCredentials: ['MD', 'DO', 'PsyD', 'PhD'] };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const reviewers = new Map<string, Reviewer>([
  ['doctor', { file: 'src/content/people/doctor.yaml', credentials: ['MD'] }],
  ['team', { file: 'src/content/people/team.yaml', credentials: ['M.D.', 'psyd'] }],
  ['counselor', { file: 'src/content/people/counselor.yaml', credentials: ['LCSW'] }],
  ['nobody', { file: 'src/content/people/nobody.yaml', credentials: [] }],
]);
const article = (reviewedAt: string | undefined, reviewer = 'doctor') => ({
  file: 'src/content/articles/a.mdx',
  reviewedAt: reviewedAt === undefined ? undefined : day(reviewedAt),
  reviewer,
});

describe('reviewDueDate', () => {
  it.each([
    ['2026-01-15', 12, '2027-01-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-11-18', 6, '2027-05-18'],
  ])('%s + %i months = %s', (from, months, due) => {
    expect(reviewDueDate(day(from), months).toISOString().slice(0, 10)).toBe(due);
  });
});

describe('findReviewProblems', () => {
  const now = day('2026-11-29');
  it.each([
    ['a recent review', article('2026-11-18'), []],
    ['a review exactly 12 months old', article('2025-11-29'), []],
    [
      'a review a day past the limit',
      article('2025-11-28'),
      ['older than 12 months; it was due again by 2026-11-28'],
    ],
    ['no review date', article(undefined), ['reviewedAt is missing']],
    ['credentials written loosely (M.D., psyd)', article('2026-11-18', 'team'), []],
    [
      'a reviewer with only a non-doctoral licence',
      article('2026-11-18', 'counselor'),
      ['has no clinical credentials (credentials: LCSW)'],
    ],
    [
      'a reviewer with no credentials',
      article('2026-11-18', 'nobody'),
      ['reviewer "nobody" (src/content/people/nobody.yaml) has no clinical credentials (credentials: none)'],
    ],
  ])('%s', (_name, input, expected) => {
    const problems = findReviewProblems([input], reviewers, policy, now);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((text, i) => {
      expect(problems[i]).toContain('src/content/articles/a.mdx');
      expect(problems[i]).toContain(text);
    });
  });

  it('reads the limit from the policy', () => {
    const input = [article('2026-06-01')];
    expect(findReviewProblems(input, reviewers, { ...policy, maxAgeMonths: 12 }, now)).toEqual([]);
    expect(findReviewProblems(input, reviewers, { ...policy, maxAgeMonths: 3 }, now)[0]).toContain(
      'older than 3 months',
    );
  });

  it('the site allows 12 months and doctorate-level reviewers, as the editorial guidelines promise', () => {
    expect(site.review.maxAgeMonths).toBe(12);
    expect(clinicalCredentialsOf(['MD', 'PsyD', 'LCSW'], site.review)).toEqual(['MD', 'PsyD']);
  });
});
