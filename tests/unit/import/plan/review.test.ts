/**
 * The review attestation: `--reviewed-by` and `--reviewed-on`, held to the build's rules.
 */
import { describe, expect, it } from 'vitest';
import { attestation, type ReviewerEntry } from '../../../../src/import/wordpress/plan/review.ts';
import { site } from '../../../../src/site.config.ts';

const policy = { maxAgeMonths: 12, clinicalCredentials: ['MD', 'DO', 'PsyD', 'PhD', 'DNP'] };
const people = new Map<string, ReviewerEntry>([
  ['clinical-review-team', { credentials: ['MD', 'PsyD'], reviewsClinicalContent: true }],
  ['dr-dotted', { credentials: ['Psy.D.'], reviewsClinicalContent: true }],
  ['editorial-team', { credentials: [], reviewsClinicalContent: false }],
  ['counsellor', { credentials: ['LCSW'], reviewsClinicalContent: true }],
  ['no-credentials', { credentials: [], reviewsClinicalContent: true }],
]);
const NOW = new Date('2026-12-02T13:00:00Z');
const attest = (reviewedBy?: string, reviewedOn?: string) => {
  const options: { reviewedBy?: string; reviewedOn?: string } = {};
  if (reviewedBy !== undefined) options.reviewedBy = reviewedBy;
  if (reviewedOn !== undefined) options.reviewedOn = reviewedOn;
  return attestation(options, people, policy, NOW);
};

describe('attestation accepted', () => {
  it.each([
    ['neither flag: no reviewer, articles stay drafts', undefined, undefined, { ok: true, reviewer: null }],
    ['empty flags count as none', '', ' ', { ok: true, reviewer: null }],
    [
      'a reviewer with a credential, today',
      'clinical-review-team',
      '2026-12-02',
      { ok: true, reviewer: 'clinical-review-team', reviewedAt: '2026-12-02' },
    ],
    [
      'dots in the credential ignored',
      'dr-dotted',
      '2026-06-01',
      { ok: true, reviewer: 'dr-dotted', reviewedAt: '2026-06-01' },
    ],
    [
      'the oldest day the build still accepts',
      'clinical-review-team',
      '2025-12-03',
      { ok: true, reviewer: 'clinical-review-team', reviewedAt: '2025-12-03' },
    ],
  ])('%s', (_, by, on, expected) => {
    expect(attest(by, on)).toEqual(expected);
  });
});

describe('attestation refused, with a message that says why', () => {
  it.each([
    ['reviewed-by alone', 'clinical-review-team', undefined, /--reviewed-by needs --reviewed-on/],
    ['reviewed-on alone', undefined, '2026-11-01', /--reviewed-on needs --reviewed-by/],
    [
      'no such person',
      'dr-nobody',
      '2026-11-01',
      /"dr-nobody": there is no such entry in src\/content\/people/,
    ],
    ['not allowed to review', 'editorial-team', '2026-11-01', /not allowed to review clinical content/],
    [
      'allowed but no clinical credential',
      'counsellor',
      '2026-11-01',
      /no clinical credential \(credentials: LCSW\).*MD, DO/,
    ],
    ['allowed, no credentials at all', 'no-credentials', '2026-11-01', /credentials: none/],
    ['not YYYY-MM-DD', 'clinical-review-team', '11/01/2026', /"11\/01\/2026" is not a calendar day/],
    ['a day that does not exist', 'clinical-review-team', '2026-02-30', /"2026-02-30" is not a calendar day/],
    ['month 13', 'clinical-review-team', '2026-13-01', /not a calendar day/],
    ['with a time', 'clinical-review-team', '2026-11-01T00:00', /not a calendar day/],
    ['in the future', 'clinical-review-team', '2026-12-03', /2026-12-03 is in the future/],
    [
      'due again earlier today, as the build counts',
      'clinical-review-team',
      '2025-12-02',
      /older than 12 months.*due again by 2026-12-02/,
    ],
    [
      'older than the limit',
      'clinical-review-team',
      '2024-01-31',
      /older than 12 months.*due again by 2025-01-31/,
    ],
  ])('%s', (_, by, on, message) => {
    const result = attest(by, on);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

it('the site’s own policy and its clinical review team pass', () => {
  expect(
    attestation({ reviewedBy: 'clinical-review-team', reviewedOn: '2026-12-01' }, people, site.review, NOW),
  ).toEqual({
    ok: true,
    reviewer: 'clinical-review-team',
    reviewedAt: '2026-12-01',
  });
});
