import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { axeFindings, outlineFindings } from './support/a11y.ts';
import { builtPaths, sitemapPaths } from './support/sitemap.ts';

// Pages outside the sitemap: /team/ is noindex while no clinician has a profile.
const EXTRA_PAGES = [
  '/callback/thanks/',
  '/insurance/thanks/',
  '/callback/busy/',
  '/no-such-page/',
  '/team/',
];

async function allPaths(page: Page): Promise<string[]> {
  return [...new Set([...(await sitemapPaths(page.request)), ...EXTRA_PAGES])];
}

// Each test loads a page twice and runs axe twice: about 10 s on an idle 2-core machine,
// past the default 30 s when the machine is busy (seen once in CI while another build ran).
test.describe.configure({ timeout: 90_000 });

// One test per page and width, so a failure names the page and the run uses both workers.
// Light scheme: every rule. Dark scheme: colour contrast again, the only rule it changes.
for (const path of new Set([...builtPaths(), ...EXTRA_PAGES])) {
  for (const width of [360, 1280]) {
    test(`axe: ${path} at ${width} px, light and dark`, async ({ browser }) => {
      const light = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: 'light' });
      const page = await light.newPage();
      await page.goto(path);
      const findings = [...(await axeFindings(page)), ...(await outlineFindings(page))];
      const dark = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: 'dark' });
      const darkPage = await dark.newPage();
      await darkPage.goto(path);
      findings.push(...(await axeFindings(darkPage, ['color-contrast'])).map((f) => `dark: ${f}`));
      expect(findings).toEqual([]);
      await light.close();
      await dark.close();
    });
  }
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: the 422 error page, ${colorScheme} scheme`, async ({ browser, request, baseURL }) => {
    // The page people without JavaScript get for a bad field. axe cannot run inside it (its
    // policy allows no script at all), so the same HTML is checked from a blank page.
    const response = await request.post('/api/callback', {
      headers: { origin: baseURL! },
      form: { name: 'Accessibility Test', phone: '1', consent: 'yes' },
    });
    expect(response.status()).toBe(422);
    const context = await browser.newContext({ viewport: { width: 360, height: 900 }, colorScheme });
    const page = await context.newPage();
    await page.setContent(await response.text());
    expect(await axeFindings(page)).toEqual([]);
    expect(await outlineFindings(page)).toEqual([]);
    await context.close();
  });
}

test('the skip link is the first thing the keyboard reaches, and it moves focus to the content', async ({
  page,
}) => {
  for (const path of await allPaths(page)) {
    await page.goto(path);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip, path).toBeFocused();
    await expect(skip, path).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main'), path).toBeFocused();
  }
});

test('every control shows a focus outline of at least 2 px with 3:1 contrast against the page', async ({
  page,
}) => {
  await page.goto('/callback/');
  const seen = new Set<string>();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        id: `${el.tagName} ${el.getAttribute('name') ?? el.textContent?.trim().slice(0, 30)}`,
        width: parseFloat(style.outlineWidth),
        outlineStyle: style.outlineStyle,
        color: style.outlineColor,
        background: getComputedStyle(document.body).backgroundColor,
      };
    });
    if (!focus || seen.has(focus.id)) continue;
    seen.add(focus.id);
    expect(focus.outlineStyle, focus.id).not.toBe('none');
    expect(focus.width, focus.id).toBeGreaterThanOrEqual(2);
    expect(contrast(focus.color, focus.background), focus.id).toBeGreaterThanOrEqual(3);
  }
  expect(seen.size).toBeGreaterThan(10);
});

test('no content is cut off or scrolls sideways at 320 px, or with text at 200 %', async ({ browser }) => {
  test.setTimeout(120_000);
  const narrow = await (await browser.newContext({ viewport: { width: 320, height: 800 } })).newPage();
  const wide = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const overflowing: string[] = [];
  for (const path of await allPaths(narrow)) {
    await narrow.goto(path);
    const narrowWidth = await narrow.evaluate(() => document.documentElement.scrollWidth);
    if (narrowWidth > 320) overflowing.push(`${path} at 320 px: ${narrowWidth} px wide`);
    await wide.goto(path);
    await wide.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    const wideWidth = await wide.evaluate(() => document.documentElement.scrollWidth);
    if (wideWidth > 1280) overflowing.push(`${path} at 200 % text: ${wideWidth} px wide`);
  }
  expect(overflowing).toEqual([]);
});

// Articles, programs and pages that are one block of prose (notices, 404, thanks): at
// 1,280 px their content, breadcrumbs included, is one column of reading width with even
// margins, not a column at the left beside an empty right half.
test('reading pages are one centred column on a wide screen', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  for (const path of [
    '/articles/iop-vs-outpatient/',
    '/programs/intensive-outpatient/',
    '/privacy/',
    '/callback/thanks/',
    '/no-such-page/',
  ]) {
    await page.goto(path);
    const column = await page.evaluate(() => {
      // Rendered boxes only: a <script> or a hidden element measures 0 by 0 at the left.
      const boxes = [...document.querySelectorAll('main > *, .breadcrumbs')]
        .map((el) => el.getBoundingClientRect())
        .filter((b) => b.width > 0 && b.height > 0);
      const left = Math.min(...boxes.map((b) => b.left));
      const right = Math.max(...boxes.map((b) => b.right));
      return { left, right: document.documentElement.clientWidth - right, width: right - left };
    });
    expect(Math.abs(column.left - column.right), `${path}: ${JSON.stringify(column)}`).toBeLessThanOrEqual(4);
    expect(column.width, path).toBeGreaterThan(560);
    expect(column.width, path).toBeLessThan(760);
  }
});

test('buttons, form controls and navigation links are at least 24 by 24 px', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
  const small: string[] = [];
  for (const path of ['/', '/callback/', '/articles/iop-vs-outpatient/']) {
    await page.goto(path);
    const sizes = await page
      .locator('button, input:not([type=hidden]):not(#cb-website), select, nav a, .button')
      .evaluateAll((els) =>
        els.map((el) => {
          const box = el.getBoundingClientRect();
          return { what: el.outerHTML.slice(0, 80), width: box.width, height: box.height };
        }),
      );
    for (const s of sizes)
      if (s.width < 24 || s.height < 24) small.push(`${path}: ${s.what} ${s.width}x${s.height}`);
  }
  expect(small).toEqual([]);
});

test('screenshots at 360 px for people to look at (reports/screenshots/)', async ({ browser }) => {
  mkdirSync('reports/screenshots', { recursive: true });
  const page = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
  for (const [name, path] of [
    ['home', '/'],
    ['article', '/articles/iop-vs-outpatient/'],
    ['program', '/programs/intensive-outpatient/'],
    ['thanks', '/callback/thanks/'],
  ] as const) {
    await page.goto(path);
    await page.screenshot({ path: `reports/screenshots/${name}-360.png`, fullPage: true });
  }
  await page.goto('/callback/');
  await page.getByRole('button', { name: 'Request my callback' }).click();
  await expect(page.locator('[data-summary]')).toBeFocused();
  await page.screenshot({ path: 'reports/screenshots/form-errors-360.png', fullPage: true });
});

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
