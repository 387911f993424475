/**
 * The review list and the JSON report: grouped, stable, and free of personal data.
 */
import { describe, expect, it } from 'vitest';
import { finding } from '../../../../src/import/wordpress/findings.ts';
import { jsonReport, type SkippedItem } from '../../../../src/import/wordpress/report/json.ts';
import { safeAddress, scrub } from '../../../../src/import/wordpress/report/privacy.ts';
import { renderReviewList, type ReviewItem } from '../../../../src/import/wordpress/report/review.ts';
import { emptySummary } from '../../../../src/import/wordpress/report/summary.ts';

const items: ReviewItem[] = [
  {
    kind: 'article',
    id: 40,
    oldUrl: 'https://old.example/b/',
    findings: [finding('unknown-shortcode', true, 'gallery'), finding('no-medical-review', true)],
  },
  {
    kind: 'article',
    id: 7,
    oldUrl: 'https://old.example/a/',
    findings: [finding('no-medical-review', true), finding('description-generated', false)],
  },
  { kind: 'topic', id: 'news', findings: [finding('unknown-shortcode', true, 'audio')] },
  { kind: 'image', id: 12, findings: [finding('alt-missing', false)] },
];

describe('renderReviewList', () => {
  it('groups one line per item and reason by code, in a stable order', () => {
    expect(renderReviewList(items)).toBe(
      [
        'Needs review: 3 items, 4 reasons',
        'no-medical-review (2)',
        '  article 7   https://old.example/a/',
        '  article 40  https://old.example/b/',
        'unknown-shortcode (2)',
        '  article 40  https://old.example/b/  (gallery)',
        '  topic news  (audio)',
        '',
      ].join('\n'),
    );
  });

  it('prints the same list whatever order the items came in', () => {
    expect(renderReviewList([...items].reverse())).toBe(renderReviewList(items));
  });

  it.each([
    ['no items', []],
    ['only findings that need no review', [{ kind: 'image', id: 1, findings: [finding('resized', false)] }]],
  ] as [string, ReviewItem[]][])('%s → says nothing needs review', (_, list) => {
    expect(renderReviewList(list)).toBe('Nothing needs review.\n');
  });

  it('prints the same finding once', () => {
    const twice: ReviewItem = {
      kind: 'article',
      id: 1,
      findings: [finding('x-y', true), finding('x-y', true)],
    };
    expect(renderReviewList([twice, twice])).toBe('Needs review: 1 item, 1 reason\nx-y (1)\n  article 1\n');
  });

  it('refuses a code that is a sentence', () => {
    expect(() =>
      renderReviewList([{ kind: 'item', id: 1, findings: [finding('Dear Jane, my story', true)] }]),
    ).toThrow(/not a reason code/);
  });
});

describe('personal data never reaches the report', () => {
  it.each([
    ['an email', 'mail jane.doe@example.org now', 'mail [redacted] now'],
    ['an IPv4 address', 'from 203.0.113.9', 'from [redacted]'],
    ['an IPv6 address', 'from 2001:db8::1', 'from [redacted]'],
    ['a full IPv6 address', '2001:0db8:0000:0000:0000:ff00:0042:8329', '[redacted]'],
    ['a line:column', '5:3', '5:3'],
    ['a time', '12:30', '12:30'],
    ['a host', 'maps.example.com', 'maps.example.com'],
  ])('scrub: %s', (_, text, expected) => {
    expect(scrub(text)).toBe(expected);
  });

  it.each([
    ['https://old.example/2019/05/post/', 'https://old.example/2019/05/post/'],
    ['https://old.example/?p=12', 'https://old.example/?p=12'],
    ['https://old.example/?page_id=3&utm_source=x', 'https://old.example/?page_id=3'],
    ['https://jane:secret@old.example/a/?email=jane@example.org#c', 'https://old.example/a/'],
    ['/relative/path/?x=1', '/relative/path/'],
  ])('safeAddress %s → %s', (address, expected) => {
    expect(safeAddress(address)).toBe(expected);
  });

  it('the JSON report holds no email or IP address put anywhere in its input', () => {
    const leaky: ReviewItem[] = [
      {
        kind: 'article',
        id: 'jane@example.org',
        oldUrl: 'https://old.example/a/?author_email=jane@example.org',
        findings: [finding('iframe-removed', true, '198.51.100.7'), finding('odd', true, 'bob@example.com')],
      },
    ];
    const skipped: SkippedItem[] = [
      { id: 3, type: 'post', reason: 'private', oldUrl: 'https://old.example/secret/' },
    ];
    const text = jsonReport({ summary: emptySummary(), review: leaky, skipped, exitCode: 0, dryRun: false });
    expect(text).not.toMatch(/@|198\.51|secret/);
  });
});

describe('jsonReport', () => {
  const skipped: SkippedItem[] = [
    { id: 10, type: 'page', reason: 'page', oldUrl: 'https://old.example/about/' },
    { id: 2, type: 'page', reason: 'page', oldUrl: 'https://old.example/contact/' },
    { id: 5, type: 'post', reason: 'private', oldUrl: 'https://old.example/private-post/' },
    { id: 99, type: 'nav_menu_item', reason: 'nav_menu_item' },
  ];
  const input = {
    summary: emptySummary(),
    review: items,
    skipped,
    files: [
      { path: 'src/content/articles/a.md', outcome: 'created' as const },
      {
        path: 'src/content/articles/b.md',
        outcome: 'conflict' as const,
        reason: 'edited-since-import' as const,
      },
    ],
    exitCode: 2,
    dryRun: false,
  };

  it('has the summary, review groups, skipped items and conflicts, keys sorted', () => {
    const report = JSON.parse(jsonReport(input));
    expect(Object.keys(report)).toEqual([
      'conflicts',
      'dryRun',
      'exitCode',
      'review',
      'skipped',
      'summary',
      'version',
    ]);
    expect(Object.keys(report.summary.articles)).toEqual([...Object.keys(report.summary.articles)].sort());
    expect(report.review.map((g: { code: string; count: number }) => [g.code, g.count])).toEqual([
      ['no-medical-review', 2],
      ['unknown-shortcode', 2],
    ]);
    expect(report.conflicts).toEqual([{ path: 'src/content/articles/b.md', reason: 'edited-since-import' }]);
  });

  it('lists skipped items by type then id, with the old address of pages only', () => {
    expect(JSON.parse(jsonReport(input)).skipped).toEqual([
      { id: '99', reason: 'nav_menu_item', type: 'nav_menu_item' },
      { id: '2', oldUrl: 'https://old.example/contact/', reason: 'page', type: 'page' },
      { id: '10', oldUrl: 'https://old.example/about/', reason: 'page', type: 'page' },
      { id: '5', reason: 'private', type: 'post' },
    ]);
  });

  it('is byte-identical for the same input in another order, and ends with a newline', () => {
    const text = jsonReport(input);
    expect(jsonReport({ ...input, review: [...items].reverse(), skipped: [...skipped].reverse() })).toBe(
      text,
    );
    expect(text.endsWith('}\n')).toBe(true);
  });
});
