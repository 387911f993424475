import { expect, test, type Page } from '@playwright/test';
import { builtPaths, sitemapPaths } from './support/sitemap.ts';

// Chromium reports every blocked script, style or request on the console, and fires
// `securitypolicyviolation`. A page whose hashes are wrong would lose its styles or its
// form script without any other sign.
function watchViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/**
 * What a page shows when its policy works: the policy itself, a heading, every inline
 * style sheet applied (a blocked one has no `sheet`) and, where the form is, its script
 * run. An empty or unstyled page has nothing for the policy to block, so it must fail here.
 */
async function expectPolicyAtWork(page: Page, path: string): Promise<void> {
  const facts = await page.evaluate(() => ({
    policy:
      document.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content') ?? '',
    heading: document.querySelector('main h1')?.textContent?.trim() ?? '',
    styles: [...document.querySelectorAll('style')].map((style) => style.sheet !== null),
    form: document.querySelector('form[data-callback-form]') !== null,
  }));
  expect(facts.policy, path).toContain("default-src 'none'");
  expect(facts.heading, path).not.toBe('');
  expect(facts.styles.length, path).toBeGreaterThan(0);
  expect(facts.styles, path).not.toContain(false);
  if (facts.form) {
    await expect
      .poll(
        () =>
          page.evaluate(
            () => document.querySelector<HTMLFormElement>('form[data-callback-form]')!.noValidate,
          ),
        {
          message: `${path}: the form script ran`,
        },
      )
      .toBe(true);
  }
}

test('no page breaks its Content Security Policy', async ({ page, request }) => {
  const problems = watchViolations(page);
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => void violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  const listed = await sitemapPaths(request);
  // A missing sitemap or an empty dist/ would leave nothing to visit.
  expect(listed).toEqual(expect.arrayContaining(['/', '/callback/', '/programs/', '/articles/']));
  expect(listed).toEqual(builtPaths());
  for (const path of new Set([
    ...listed,
    '/callback/thanks/',
    '/callback/busy/',
    '/no-such-page/',
    '/team/',
  ])) {
    await page.goto(path);
    await page.waitForLoadState('load');
    await expectPolicyAtWork(page, path);
    expect(problems, path).toEqual([]);
    expect(violations, path).toEqual([]);
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
