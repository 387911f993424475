/**
 * Sending the form again, in Debian's Chromium through the real server: after Back
 * without the back/forward cache (Playwright's default), after a lost answer, and from a
 * phone whose clock is wrong. None of them may lose or merge a request.
 */
import { expect, test } from '@playwright/test';
import {
  fillForm,
  phoneBox,
  recordPosts,
  send,
  sendButton,
  storedPhones,
  uniqueName,
} from './support/callback-posts.ts';

test('Back without the cache: the browser refills the form, a changed number sent at once is a second lead', async ({
  page,
}) => {
  const posts = recordPosts(page);
  const name = uniqueName('back-no-cache');
  await page.goto('/callback/');
  await fillForm(page, name, '(202) 555-0191');
  await page.waitForTimeout(3_100);
  await send(page);

  await page.goBack();
  expect(
    await page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type,
    ),
  ).toBe('back_forward');
  // A fresh page, but Chromium put back what was typed on it before.
  await expect(phoneBox(page)).toHaveValue('(202) 555-0191');
  await phoneBox(page).fill('(202) 555-0192');
  await send(page);

  expect(await storedPhones(name)).toEqual(['+12025550191', '+12025550192']);
  expect(posts).toHaveLength(2);
  expect(posts[1]!.submissionId).not.toBe(posts[0]!.submissionId);
  // How long the refilled form took is unknown to this page: it sends no fill time.
  expect(posts[1]).not.toHaveProperty('fillMs');
});

test('an answer lost on the way back: the retry carries the same id and stays one lead', async ({ page }) => {
  const posts = recordPosts(page);
  let lost = false;
  // The first post reaches the server and is stored; the browser sees a dropped connection.
  await page.route('**/api/callback', async (route) => {
    if (lost) return route.continue();
    lost = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  const name = uniqueName('retry');
  await page.goto('/callback/');
  await fillForm(page, name, '(202) 555-0193');
  await page.waitForTimeout(3_100);
  await sendButton(page).click();
  await expect(page.locator('[data-summary]')).toContainText('did not reach us');
  expect(await storedPhones(name)).toEqual(['+12025550193']);

  await send(page);
  expect(posts).toHaveLength(2);
  expect(posts[1]!.submissionId).toBe(posts[0]!.submissionId);
  expect(await storedPhones(name)).toEqual(['+12025550193']);
});

test('a phone clock 5 s fast and a 6.5 s fill: the lead is stored', async ({ page }) => {
  // The old trap compared this clock with the server's and saw 1.5 s: a bot.
  await page.addInitScript((shiftMs) => {
    const now = Date.now.bind(Date);
    Date.now = () => now() + shiftMs;
  }, 5_000);
  const posts = recordPosts(page);
  const name = uniqueName('fast-clock');
  await page.goto('/callback/');
  expect(await page.evaluate(() => Date.now() - new Date().getTime())).toBeGreaterThanOrEqual(4_900);
  await fillForm(page, name, '(202) 555-0194');
  await page.waitForTimeout(6_500);
  await send(page);

  expect(await storedPhones(name)).toEqual(['+12025550194']);
  expect(posts[0]!.fillMs).toBeGreaterThanOrEqual(6_500);
  expect(posts[0]).not.toHaveProperty('startedAt');
});
