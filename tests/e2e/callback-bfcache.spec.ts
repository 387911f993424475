/**
 * Back to the form from the thanks page, with the back/forward cache on (as in every
 * browser people use; Playwright turns it off by default, so this file turns it back on).
 * The page comes back with its script state: it must pick a new submissionId, so a
 * changed request is a new lead and not a repeat of the first.
 */
import { expect, test as base } from '@playwright/test';
import { fillForm, phoneBox, recordPosts, send, storedPhones, uniqueName } from './support/callback-posts.ts';

const test = base.extend<object, object>({
  launchOptions: [
    async ({ launchOptions }, use) =>
      use({ ...launchOptions, ignoreDefaultArgs: ['--disable-back-forward-cache'] }),
    { scope: 'worker' },
  ],
});

test('Back from the thanks page, a changed phone number, sent at once: a second lead', async ({ page }) => {
  // Which showings came from the cache (pageshow's `persisted`), recorded before any page script runs.
  await page.addInitScript(() => {
    const shows: boolean[] = [];
    Object.defineProperty(window, '__shows', { value: shows });
    addEventListener('pageshow', (event) => shows.push(event.persisted));
  });
  const posts = recordPosts(page);
  const name = uniqueName('bfcache');
  await page.goto('/callback/');
  await fillForm(page, name, '(202) 555-0187');
  // The time trap treats a form sent within 3 s of the first keystroke as a bot.
  await page.waitForTimeout(3_100);
  await send(page);

  // A page restored from the cache fires no load event: wait for the navigation only.
  await page.goBack({ waitUntil: 'commit' });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __shows: boolean[] }).__shows))
    .toEqual([false, true]);
  // The cache kept what was typed; the visitor fixes the number and sends straight away.
  await expect(phoneBox(page)).toHaveValue('(202) 555-0187');
  await phoneBox(page).fill('(202) 555-0188');
  await send(page);

  expect(await storedPhones(name)).toEqual(['+12025550187', '+12025550188']);
  expect(posts).toHaveLength(2);
  expect(posts[1]!.submissionId).toMatch(/^[0-9a-f-]{36}$/);
  expect(posts[1]!.submissionId).not.toBe(posts[0]!.submissionId);
  // The fill clock was not restarted by the cache: the fields were filled long ago.
  expect(posts[1]!.fillMs).toBeGreaterThan(posts[0]!.fillMs!);
});
