/**
 * Performance budgets over every page in dist/ (see tests/support/budgets.ts for the
 * numbers and why). Prints the table, then fails per page with the budget it broke.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { site } from '../../src/site.config.ts';
import { budgetTable, htmlPaths, measureSite } from '../support/budget-site.ts';
import { cacheRuleProblems } from '../support/cache-rules.ts';
import { distDir } from '../support/dist.ts';
import { projectRoot } from '../support/fixture-site.ts';

const reports = measureSite(distDir, site.url);

afterAll(() => console.info(`Performance budgets (${distDir})\n${budgetTable(reports)}`));

describe('performance budgets', () => {
  it.each(reports.map((report) => [report.path, report] as const))('%s is within budget', (path, report) => {
    expect(report.problems, `${path} breaks its budget`).toEqual([]);
  });
});

it('caching: hashed assets are immutable for a year, HTML revalidates', async () => {
  const astroDir = join(distDir, '_astro');
  const files = {
    html: htmlPaths(distDir).map((page) => page.path),
    assets: readdirSync(astroDir, { recursive: true, encoding: 'utf8' }).map((name) => `/_astro/${name}`),
  };
  expect(files.assets.length).toBeGreaterThan(0);
  expect(await cacheRuleProblems(projectRoot, distDir, files)).toEqual([]);
});
