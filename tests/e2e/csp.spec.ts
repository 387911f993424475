import { expect, test, type Page } from '@playwright/test';
import { sitemapPaths } from './support/sitemap.ts';

// Chromium reports every blocked script, style or request on the console. A page whose
// hashes are wrong would lose its styles or its form script without any other sign.
function watchViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

test('no page breaks its Content Security Policy', async ({ page, request }) => {
  const problems = watchViolations(page);
  for (const path of [...(await sitemapPaths(request)), '/callback/thanks/', '/no-such-page/']) {
    await page.goto(path);
    await page.waitForLoadState('load');
    expect(problems, path).toEqual([]);
  }
});

test('the form script runs under the policy', async ({ page }) => {
  const problems = watchViolations(page);
  await page.goto('/callback/');
  await expect.poll(() => page.evaluate(() => document.querySelector('form')!.noValidate)).toBe(true);
  await page.getByRole('button', { name: 'Request my callback' }).click();
  await expect(page.locator('[data-summary]')).toBeVisible();
  expect(problems).toEqual([]);
});

test('the 422 page renders under its own policy', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const problems = watchViolations(page);
  await page.goto('/callback/');
  await page.getByLabel('Your name').fill('Policy Test');
  await page.getByRole('textbox', { name: /^Phone number/ }).fill('1');
  await page.getByRole('checkbox', { name: /By checking this box/ }).check();
  await page.getByRole('button', { name: 'Request my callback' }).click();
  await page.waitForURL('**/api/callback');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(problems).toEqual([]);
  await context.close();
});
