/**
 * The budget check catches a page over budget: one fixture build of the real site plus a
 * page that breaks every budget at once, measured with the same code as tests/dist. The
 * same build has an article with photos done right, which must pass.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { site } from '../../src/site.config.ts';
import { measureSite } from '../support/budget-site.ts';
import type { PageBudget } from '../support/budgets.ts';
import { createFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { gradientPng } from '../support/png.ts';

// ~24 KB of text gzip cannot shrink much: like a huge inlined table or SVG, it pushes the
// page past what fits in the first round trip.
const bulk = Array.from({ length: 60 }, () => `<p>${randomBytes(200).toString('hex')}</p>`).join('\n');

const overBudgetPage = `---
import BaseLayout from '../layouts/BaseLayout.astro';
---
<BaseLayout
  title="A page over every budget"
  description="A fixture page that is too heavy, loads a web font, a third-party script and an unprocessed image."
>
  <h1>A page over every budget</h1>
  <img src="/photo.jpg" alt="A photo copied to public/ instead of going through astro:assets" />
  <script is:inline src="https://cdn.example.net/widget.js"></script>
  ${bulk}
</BaseLayout>
<style is:global>
  @font-face { font-family: Brand; src: url('/brand.woff2') format('woff2'); }
</style>
`;

// A hero (eager, high priority), a body photo (lazy) through astro:assets, and one written
// as plain Markdown, as editors will.
const photoArticle = `---
title: An article with photos
description: A fixture article with a hero photo and a photo in its body, both processed by astro:assets.
publishedAt: 2026-11-20
reviewedAt: 2026-11-18
author: editorial-team
reviewer: clinical-review-team
topics: [treatment-options]
hero:
  image: ../../assets/fixture-photo.png
  alt: A calm gradient
---
import { Image } from 'astro:assets';
import photo from '../../assets/fixture-photo.png';

Some text for the body of the article.

<Image src={photo} widths={[400, 800]} sizes="(min-width: 42rem) 42rem, 100vw" alt="The same gradient" />

![The gradient once more](../../assets/fixture-photo.png)
`;

let fixture: FixtureSite | undefined;
let reports: PageBudget[] = [];

beforeAll(async () => {
  fixture = await createFixtureSite({
    'src/pages/over-budget.astro': overBudgetPage,
    'public/photo.jpg': 'not really a JPEG: the checks read the markup and the byte count',
    'src/content/articles/with-photos.mdx': photoArticle,
  });
  await writeFile(join(fixture.root, 'src/assets/fixture-photo.png'), gradientPng(1600, 900));
  const { code, output } = await fixture.build();
  expect(code, output).toBe(0);
  reports = measureSite(join(fixture.root, 'dist'), site.url);
}, 120_000);
afterAll(() => fixture?.remove());

describe('a page over budget', () => {
  it('fails, naming the page and each budget it broke', () => {
    const page = reports.find((report) => report.path === '/over-budget/');
    expect(page, 'the fixture page was not built').toBeDefined();
    const expected = [
      /^HTML \+ CSS is [\d.]+ KB gzipped, budget 14\.0 KB/,
      /^third-party request: https:\/\/cdn\.example\.net\/widget\.js$/,
      /^render-blocking script: https:\/\/cdn\.example\.net\/widget\.js$/,
      /^web font \(@font-face\)/,
      /^JavaScript on a page without the callback form/,
      /^image \/photo\.jpg is not processed by astro:assets/,
      /^image \/photo\.jpg has no width and height/,
      /^image \/photo\.jpg is not AVIF or WebP/,
      /^image \/photo\.jpg has no responsive srcset/,
      /^image \/photo\.jpg must be loading="lazy"/,
    ];
    for (const pattern of expected) expect(page!.problems).toContainEqual(expect.stringMatching(pattern));
  });

  it('passes photos done right, Markdown ones too: astro:assets, WebP, srcset, hero eager, the rest lazy', () => {
    const page = reports.find((report) => report.path === '/articles/with-photos/');
    expect(page?.images).toBe(3);
    expect(page?.imageBytes).toBeGreaterThan(0);
    expect(page?.problems).toEqual([]);
  });

  it('leaves the rest of the site within budget', () => {
    const others = reports.filter((report) => report.path !== '/over-budget/' && report.problems.length > 0);
    expect(others.map((report) => [report.path, report.problems])).toEqual([]);
  });
});
