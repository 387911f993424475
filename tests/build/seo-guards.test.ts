import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureSite, type FixtureSite } from '../support/fixture-site.ts';

// Each case builds a copy of the real site with one file that breaks one SEO or clinical
// review guard, and reads the error: the build must fail and name the file to fix.
const article = (fields: Record<string, string>, body = 'Some text for the body of the article.') => {
  const all = {
    title: 'A fixture article',
    description:
      'A description long enough for search results, about the treatment this fixture page explains.',
    publishedAt: '2026-11-20',
    reviewedAt: '2026-11-18',
    author: 'editorial-team',
    reviewer: 'clinical-review-team',
    topics: '[treatment-options]',
    ...fields,
  };
  const frontmatter = Object.entries(all)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return `---\n${frontmatter}\n---\n\n${body}\n`;
};

let site: FixtureSite | undefined;
afterEach(() => site?.remove());

describe('a build that breaks an SEO or review guard fails and names the file', () => {
  it.each([
    [
      'a stale clinical review',
      { 'src/content/articles/stale-review.mdx': article({ reviewedAt: '2025-01-10' }) },
      [
        'src/content/articles/stale-review.mdx',
        'the last clinical review (reviewedAt 2025-01-10) is older than 12 months',
        'site.review.maxAgeMonths',
      ],
    ],
    [
      'a reviewer without clinical credentials',
      {
        'src/content/people/fixture-reviewer.yaml':
          'name: Fixture Reviewer\nkind: person\ncredentials: [LCSW]\nbio: Stands in for a reviewer in a test.\nreviewsClinicalContent: true\n',
        'src/content/articles/uncredentialed.mdx': article({ reviewer: 'fixture-reviewer' }),
      },
      [
        'src/content/articles/uncredentialed.mdx',
        'reviewer "fixture-reviewer" (src/content/people/fixture-reviewer.yaml) has no clinical credentials (credentials: LCSW)',
      ],
    ],
    [
      'a duplicate title',
      {
        'src/content/articles/duplicate-title.mdx': article({
          title: "'IOP vs. Outpatient Care: Which Level of Care Fits?'",
        }),
      },
      [
        'duplicate title "IOP vs. Outpatient Care: Which Level of Care Fits? | Absolute Awakenings"',
        'src/content/articles/duplicate-title.mdx (/articles/duplicate-title/)',
        'src/content/articles/iop-vs-outpatient.mdx (/articles/iop-vs-outpatient/)',
      ],
    ],
    [
      'a broken internal link and image',
      {
        'src/content/articles/broken-link.mdx': article(
          {},
          'See [residential care](/programs/residential/).\n\n![A chart](/images/missing-chart.png)',
        ),
      },
      [
        'src/content/articles/broken-link.mdx (/articles/broken-link/): link "/programs/residential/" does not resolve',
        'src/content/articles/broken-link.mdx (/articles/broken-link/): image "/images/missing-chart.png" does not resolve',
      ],
    ],
    [
      'a description out of range',
      {
        'src/pages/short-description.astro': [
          '---',
          "import BaseLayout from '../layouts/BaseLayout.astro';",
          '---',
          '<BaseLayout title="A fixture page" description="Too short for search results." breadcrumbs={[{ label: \'Fixture\', href: \'/short-description/\' }]}>',
          '  <h1>A fixture page</h1>',
          '</BaseLayout>',
        ].join('\n'),
      },
      [
        'src/pages/short-description.astro (/short-description/): meta description is 29 characters; it must be 70-160',
      ],
    ],
    [
      'a legacy redirect to a page that does not exist',
      {
        'src/legacy-urls.ts': [
          "import type { LegacyRedirect } from './lib/seo/redirects.ts';",
          "export const legacyUrls: readonly LegacyRedirect[] = [{ from: '/blog/gone/', to: '/articles/gone/' }];",
        ].join('\n'),
      },
      ['src/legacy-urls.ts: "/blog/gone/" -> "/articles/gone/": no page is built at "/articles/gone/"'],
    ],
  ])('%s', async (_name, files: Record<string, string>, expected) => {
    site = await createFixtureSite(files);
    const { code, output } = await site.build();
    expect(code).not.toBe(0);
    for (const text of expected) expect(output).toContain(text);
  });
});
