import { describe, expect, it } from 'vitest';
import { hasCanonical, noindexReason } from '../../../src/lib/seo/indexing.ts';
import { descriptionProblem, documentTitle, pageTitle, titleProblem } from '../../../src/lib/seo/limits.ts';
import { lastModified } from '../../../src/lib/seo/dates.ts';

describe('titles', () => {
  it.each([
    ['Home title', '/', 'Home title'],
    ['Programs', '/programs/', 'Programs | Site'],
  ])('documentTitle(%j, %j)', (title, path, expected) => {
    expect(documentTitle(title, path, 'Site')).toBe(expected);
    expect(pageTitle(expected, 'Site')).toBe(title);
  });

  it.each([
    ['x'.repeat(60), undefined],
    ['x'.repeat(61), 'is 61 characters; keep it to 60'],
    ['', 'has no <title>'],
    [undefined, 'has no <title>'],
  ])('titleProblem(%j)', (title, expected) => {
    if (expected === undefined) expect(titleProblem(title)).toBeUndefined();
    else expect(titleProblem(title)).toContain(expected);
  });

  it.each([
    ['x'.repeat(70), undefined],
    ['x'.repeat(160), undefined],
    ['x'.repeat(69), 'is 69 characters; it must be 70-160'],
    ['x'.repeat(161), 'is 161 characters; it must be 70-160'],
    [undefined, 'has no meta description'],
  ])('descriptionProblem(%j)', (description, expected) => {
    if (expected === undefined) expect(descriptionProblem(description)).toBeUndefined();
    else expect(descriptionProblem(description)).toContain(expected);
  });
});

describe('indexing', () => {
  it.each([
    ['/', undefined],
    ['/articles/', undefined],
    ['/articles/1/', undefined],
    ['/articles/2/', 'pagination'],
    ['/articles/13/', 'pagination'],
    ['/articles/iop-vs-outpatient/', undefined],
    ['/topics/treatment-options/', undefined],
    ['/topics/treatment-options/1/', undefined],
    ['/topics/treatment-options/2/', 'pagination'],
    ['/topics/treatment-options/2/extra/', undefined],
    ['/callback/', undefined],
    ['/callback/thanks/', 'confirmation'],
    ['/404', 'not-found'],
    ['/404/', 'not-found'],
    ['/404.html', 'not-found'],
    ['/4040/', undefined],
  ])('%s', (path, reason) => {
    expect(noindexReason(path)).toBe(reason);
    expect(hasCanonical(path)).toBe(reason !== 'not-found');
  });
});

describe('lastModified', () => {
  const d = (iso: string) => new Date(iso);
  it.each([
    [[], undefined],
    [[{ publishedAt: d('2026-01-01') }], '2026-01-01'],
    [
      [{ publishedAt: d('2026-01-01'), updatedAt: d('2026-06-01') }, { publishedAt: d('2026-03-01') }],
      '2026-06-01',
    ],
    [[{ publishedAt: d('2026-01-01') }, { publishedAt: d('2026-03-01') }], '2026-03-01'],
  ])('%j', (items, expected) => {
    expect(lastModified(items)?.toISOString().slice(0, 10)).toBe(expected);
  });
});
