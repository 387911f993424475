import { expect, test, type Page } from '@playwright/test';
import { site } from '../../src/site.config.ts';
import { readStoredLeads } from './support/leads.ts';

// A unique name per test, so each test finds its own lead among the stored ones.
const uniqueName = (label: string) => `E2E ${label} ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function fillForm(page: Page, name: string, phone = '(202) 555-0187') {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('textbox', { name: /^Phone number/ }).fill(phone);
  await page.getByRole('textbox', { name: /^Email/ }).fill('person@example.org');
  await page.getByLabel('Evening (5 pm to 8 pm)').check();
  await page.getByLabel('Someone I care about').check();
  await page.getByLabel('You may leave a voicemail').check();
  await page.getByRole('checkbox', { name: /By checking this box/ }).check();
}

test.describe('with JavaScript on', () => {
  test('a request is stored, encrypted, and the visitor sees the thanks page', async ({ page }) => {
    const name = uniqueName('js');
    await page.goto('/programs/intensive-outpatient/');
    await fillForm(page, name);
    // The time trap treats a form sent within 3 s of the first keystroke as a bot.
    await page.waitForTimeout(3_100);
    const posted = page.waitForRequest((r) => r.url().endsWith('/api/callback'));
    await page.getByRole('button', { name: 'Request my callback' }).click();
    expect((await posted).headers()['content-type']).toBe('application/json');
    await expect(page).toHaveURL('/callback/thanks/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Thank you');

    const lead = (await readStoredLeads()).find((l) => l.name === name);
    expect(lead).toMatchObject({
      phone: '+12025550187',
      email: 'person@example.org',
      callTime: 'evening',
      forWhom: 'loved-one',
      program: 'intensive-outpatient',
      voicemail: true,
      texts: false,
      page: '/programs/intensive-outpatient/',
    });
  });

  test('a bad phone number is shown next to the field and in a summary that takes focus', async ({
    page,
  }) => {
    await page.goto('/callback/');
    await fillForm(page, uniqueName('bad-phone'), '123');
    await page.getByRole('button', { name: 'Request my callback' }).click();
    const phone = page.getByRole('textbox', { name: /^Phone number/ });
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#cb-phone-error')).toContainText('does not look complete');
    await expect(page.locator('[data-summary]')).toBeFocused();
    await expect(page).toHaveURL('/callback/');
  });
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the plain form posts, the lead is stored and the thanks page follows', async ({ page }) => {
    const name = uniqueName('nojs');
    await page.goto('/articles/iop-vs-outpatient/');
    await fillForm(page, name);
    await page.getByRole('button', { name: 'Request my callback' }).click();
    await expect(page).toHaveURL('/callback/thanks/');
    const lead = (await readStoredLeads()).find((l) => l.name === name);
    expect(lead).toMatchObject({ phone: '+12025550187', page: '/articles/iop-vs-outpatient/' });
  });

  test('a bad phone number gets the 422 page with the problem, a way back and the phone number', async ({
    page,
  }) => {
    await page.goto('/callback/');
    await fillForm(page, uniqueName('nojs-bad'), '123');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/callback')),
      page.getByRole('button', { name: 'Request my callback' }).click(),
    ]);
    expect(response.status()).toBe(422);
    await expect(page.getByText('does not look complete')).toBeVisible();
    await expect(page.locator(`a[href="tel:${site.admissions.phone.e164}"]`).first()).toBeVisible();
    await expect(page.locator('a[href$="/callback/"]').first()).toBeVisible();
  });
});

for (const javaScriptEnabled of [true, false]) {
  test(`the form can be completed with the keyboard alone (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const name = uniqueName(`keyboard-${javaScriptEnabled}`);
    await page.goto('/callback/');
    await page.getByLabel('Your name').focus();
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    await page.keyboard.type('202-555-0123');
    // Email, then the call-time radio group (one tab stop), then who-for, program, voicemail, texts, consent.
    for (const _ of Array(7)) await page.keyboard.press('Tab');
    await expect(page.getByRole('checkbox', { name: /By checking this box/ })).toBeFocused();
    await page.keyboard.press('Space');
    if (javaScriptEnabled) await page.waitForTimeout(3_100);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Request my callback' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/callback/thanks/');
    expect((await readStoredLeads()).some((l) => l.name === name && l.phone === '+12025550123')).toBe(true);
    await context.close();
  });
}
