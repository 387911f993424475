import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { site } from '../../src/site.config.ts';
import type { InsuranceRecord } from '../../src/leads/kinds/insurance/record.ts';
import { readStoredLeads } from './support/leads.ts';

const uniqueName = (label: string) =>
  `E2E ins ${label} ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

/** Coverage checks stored so far, found by the unique name of the test that sent them. */
const storedCheck = async (name: string) =>
  (await readStoredLeads()).find((lead) => lead.name === name) as unknown as InsuranceRecord | undefined;

async function fillForm(page: Page, name: string, options: { holder?: boolean; memberId?: string } = {}) {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('textbox', { name: /^Phone number/ }).fill('(202) 555-0187');
  await page.getByLabel('Your date of birth').fill('1987-06-19');
  await page.getByRole('combobox', { name: /^Insurance company/ }).selectOption('sample-community-care');
  await page.getByRole('textbox', { name: /^Member ID/ }).fill(options.memberId ?? 'abc 123-45');
  if (options.holder) {
    await page.getByLabel('Whose name is the plan in?').selectOption('parent');
    await page.getByLabel("Plan holder's name").fill('Pat Example');
    await page.getByLabel("Plan holder's date of birth").fill('1960-01-31');
  }
  await page.getByRole('checkbox', { name: /By checking this box/ }).check();
}

test('every page with the callback form links to the coverage check; /insurance/ lists the plans', async ({
  page,
}) => {
  for (const path of ['/callback/', '/programs/outpatient/', '/articles/iop-vs-outpatient/']) {
    await page.goto(path);
    await expect(page.getByRole('link', { name: 'Check my coverage' })).toHaveAttribute(
      'href',
      '/insurance/',
    );
    await expect(page.locator('form[data-insurance-form]')).toHaveCount(0);
  }
  await page.goto('/insurance/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check my insurance coverage');
  await expect(page.getByText('Sample Blue Health Plan').first()).toBeVisible();
  await expect(page.getByText(/free and commits you to nothing/)).toBeVisible();
});

test.describe('with JavaScript on', () => {
  test('the plan holder fields appear only when needed; the check is stored and thanks follows', async ({
    page,
  }) => {
    const name = uniqueName('js');
    await page.goto('/insurance/');
    await expect(page.getByLabel("Plan holder's name")).toBeHidden();
    await expect(page.getByLabel('Name of your insurance company')).toBeHidden();
    await fillForm(page, name, { holder: true });
    await expect(page.getByLabel("Plan holder's name")).toBeVisible();
    await page.waitForTimeout(3_100);
    const posted = page.waitForRequest((r) => r.url().endsWith('/api/insurance'));
    await page.getByRole('button', { name: 'Check my coverage' }).click();
    expect((await posted).headers()['content-type']).toBe('application/json');
    await expect(page).toHaveURL('/insurance/thanks/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('checking your coverage');
    await expect.poll(async () => (await storedCheck(name))?.memberId).toBe('ABC123-45');
    expect(await storedCheck(name)).toMatchObject({
      kind: 'insurance',
      phone: '+12025550187',
      dateOfBirth: '1987-06-19',
      insurer: { slug: 'sample-community-care', name: 'Sample Community Care' },
      policyholder: 'parent',
      policyholderName: 'Pat Example',
      policyholderDateOfBirth: '1960-01-31',
      page: '/insurance/',
    });
  });

  test('a problem the server finds is shown next to its field, in a summary that takes focus', async ({
    page,
  }) => {
    await page.goto('/insurance/');
    await fillForm(page, uniqueName('bad'), { memberId: 'A/1' });
    // Sent within 3 s of the first keystroke, the time trap would answer like an accepted one.
    await page.waitForTimeout(3_100);
    await page.getByRole('button', { name: 'Check my coverage' }).click();
    await expect(page.getByRole('textbox', { name: /^Member ID/ })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#ins-memberId-error')).toContainText('member ID as it is on your card');
    await expect(page.locator('[data-summary]')).toBeFocused();
    await expect(page).toHaveURL('/insurance/');
  });

  test('axe finds nothing on /insurance/ (plan holder fields shown and hidden) and its thanks page', async ({
    page,
  }) => {
    await page.goto('/insurance/');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByLabel('Whose name is the plan in?').selectOption('spouse');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.goto('/insurance/thanks/');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('every field is there, the plain form posts, the check is stored and thanks follows', async ({
    page,
  }) => {
    const name = uniqueName('nojs');
    await page.goto('/insurance/');
    await expect(page.getByLabel("Plan holder's name")).toBeVisible();
    await expect(page.getByLabel('Name of your insurance company')).toBeVisible();
    await fillForm(page, name, { holder: true });
    await page.getByRole('button', { name: 'Check my coverage' }).click();
    await expect(page).toHaveURL('/insurance/thanks/');
    expect(await storedCheck(name)).toMatchObject({
      memberId: 'ABC123-45',
      policyholder: 'parent',
      insurerOther: null,
    });
  });

  // (axe cannot run where scripts are off; the 422 page is the callback's renderer, which a11y.spec checks.)
  test('a plan holder left out gets the 422 page naming it, a way back and the phone', async ({ page }) => {
    await page.goto('/insurance/');
    await fillForm(page, uniqueName('nojs-bad'));
    await page.getByLabel('Whose name is the plan in?').selectOption('spouse');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/insurance')),
      page.getByRole('button', { name: 'Check my coverage' }).click(),
    ]);
    expect(response.status()).toBe(422);
    await expect(page.getByText('Please enter the name of the person whose plan it is.')).toBeVisible();
    await expect(page.locator(`a[href="tel:${site.admissions.phone.e164}"]`).first()).toBeVisible();
    await expect(page.locator('a[href="/insurance/"]').first()).toBeVisible();
  });
});
