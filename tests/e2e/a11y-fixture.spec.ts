import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createFixtureSite } from '../support/fixture-site.ts';
import { axeFindings, outlineFindings } from './support/a11y.ts';

// A copy of the site with one page that breaks three rules on purpose: the checks that
// pass on the real site must catch each of them, by name.
const BROKEN_PAGE = `---
import BaseLayout from '../layouts/BaseLayout.astro';
---

<BaseLayout title="Broken page" description="A page built to break three accessibility rules so that the test can show each one is caught.">
  <h1>Broken page</h1>
  <h3>A heading that skips a level</h3>
  <input type="text" name="unlabelled" />
  <p><a class="faint" href="/">A link too faint to read</a></p>
</BaseLayout>

<style>
  .faint {
    color: #d0d0d0;
  }
</style>
`;

test('a page with a missing label, a low-contrast link and a skipped heading fails three times', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const site = await createFixtureSite({ 'src/pages/broken-a11y.astro': BROKEN_PAGE });
  try {
    const { code, output } = await site.build();
    expect(code, output).toBe(0);
    const html = await readFile(join(site.root, 'dist', 'broken-a11y', 'index.html'), 'utf8');
    await page.setContent(html);
    const findings = [...(await axeFindings(page)), ...(await outlineFindings(page))];
    const rules = new Set(findings.map((f) => f.split(':')[0]));
    expect([...rules].sort()).toEqual(expect.arrayContaining(['color-contrast', 'heading-outline', 'label']));
    expect(findings.find((f) => f.startsWith('label:'))).toContain('input');
    expect(findings.find((f) => f.startsWith('color-contrast:'))).toContain('.faint');
    expect(findings.find((f) => f.startsWith('heading-outline:'))).toContain(
      'h3 "A heading that skips a level" follows h1',
    );
  } finally {
    await site.remove();
  }
});
