import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createFixtureSite } from '../support/fixture-site.ts';
import { teamFixtureFiles } from '../support/team-fixture.ts';
import { axeFindings, outlineFindings } from './support/a11y.ts';

// The shipped site has no clinician profile to check, so a fixture with a made-up clinician
// builds one: the profile and the /team/ list that links to it pass axe and the heading
// outline at both widths, light and dark.
test('a clinician profile and the team list pass axe at 360 and 1280 px, light and dark', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const site = await createFixtureSite(teamFixtureFiles);
  try {
    const { code, output } = await site.build();
    expect(code, output).toBe(0);
    for (const path of ['team/test-clinician', 'team']) {
      const html = await readFile(join(site.root, 'dist', path, 'index.html'), 'utf8');
      for (const width of [360, 1280]) {
        for (const colorScheme of ['light', 'dark'] as const) {
          const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
          const page = await context.newPage();
          await page.setContent(html);
          const findings = [...(await axeFindings(page)), ...(await outlineFindings(page))];
          expect(findings, `/${path}/ at ${width} px, ${colorScheme}`).toEqual([]);
          await context.close();
        }
      }
    }
  } finally {
    await site.remove();
  }
});
