import { expect, test } from '@playwright/test';
import { site } from '../../src/site.config.ts';
import { sitemapPaths } from './support/sitemap.ts';

test('the sitemap lists the pages people need', async ({ request }) => {
  const paths = await sitemapPaths(request);
  for (const path of [
    '/',
    '/articles/',
    '/articles/iop-vs-outpatient/',
    '/programs/',
    '/programs/intensive-outpatient/',
    '/programs/outpatient/',
    '/editorial-guidelines/',
    '/privacy/',
    '/accessibility/',
    '/nondiscrimination/',
    '/language-assistance/',
    '/notice-of-privacy-practices/',
    '/admissions/',
    '/locations/',
    '/locations/main-campus/',
  ]) {
    expect(paths).toContain(path);
  }
});

test('every page in the sitemap opens, has one h1, a call link and the crisis lines; no internal link is broken', async ({
  page,
  request,
}) => {
  const paths = await sitemapPaths(request);
  const links = new Set<string>();
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('h1'), path).toHaveCount(1);
    await expect(page.locator(`a[href="tel:${site.admissions.phone.e164}"]`).first(), path).toBeVisible();
    const crisis = page.getByRole('complementary', { name: 'Crisis help' });
    await expect(crisis.locator('a[href="tel:988"]'), path).toBeVisible();
    await expect(crisis.locator('a[href="sms:988"]'), path).toBeVisible();
    await expect(crisis.locator('a[href="tel:911"]'), path).toBeVisible();
    await expect(crisis.locator('a[href="tel:+18006624357"]'), path).toBeVisible();
    for (const href of await page
      .locator('a[href]')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      const url = new URL(href);
      if (url.origin === new URL(page.url()).origin) links.add(url.pathname + url.search);
    }
  }
  const broken: string[] = [];
  for (const link of links) {
    const status = (await request.get(link)).status();
    if (status !== 200) broken.push(`${link} -> ${status}`);
  }
  expect(broken).toEqual([]);
});

test('in-page links point at headings that exist', async ({ page }) => {
  await page.goto('/articles/iop-vs-outpatient/');
  const targets = await page
    .locator('main a[href^="#"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)));
  expect(targets.length).toBeGreaterThan(0);
  for (const id of targets) await expect(page.locator(`[id="${id}"]`)).toHaveCount(1);
});

test('an unknown address gets a helpful 404', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find that page');
  await expect(page.getByRole('link', { name: 'Our treatment programs' })).toBeVisible();
});

test('the IOP vs outpatient comparison is rendered from program data on the article and on /programs/', async ({
  page,
}) => {
  for (const path of ['/articles/iop-vs-outpatient/', '/programs/']) {
    await page.goto(path);
    const table = page.locator('table', { has: page.locator('caption') });
    await expect(table.locator('caption'), path).toHaveText('IOP and Outpatient compared');
    const hours = table.getByRole('row', { name: /Time each week/ });
    await expect(hours.getByRole('cell').nth(0), path).toHaveText('9 to 20 hours');
    await expect(hours.getByRole('cell').nth(1), path).toHaveText('1 to 2 hours');
  }
});

test('the article shows who reviewed it and when', async ({ page }) => {
  await page.goto('/articles/iop-vs-outpatient/');
  const review = page.locator('.review');
  await expect(review).toContainText('Clinically reviewed by Clinical review team');
  await expect(review.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByText(/\d+ min read/)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Programs mentioned in this article' })).toBeVisible();
});
