/**
 * For the callback browser tests: fill the form, and record what the page's script
 * posted to the endpoint (its submissionId and fillMs).
 */
import { expect, type Page } from '@playwright/test';
import { readStoredLeads } from './leads.ts';

/** A unique name per test, so each test finds its own leads among the stored ones. */
export const uniqueName = (label: string) =>
  `E2E ${label} ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

export const phoneBox = (page: Page) => page.getByRole('textbox', { name: /^Phone number/ });
export const sendButton = (page: Page) => page.getByRole('button', { name: 'Request my callback' });

export async function fillForm(page: Page, name: string, phone: string): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await phoneBox(page).fill(phone);
  await page.getByRole('checkbox', { name: /By checking this box/ }).check();
}

export interface Posted {
  submissionId?: string;
  fillMs?: number;
  phone?: string;
  startedAt?: unknown;
}

/** Every JSON body the page posts to /api/callback, in order. */
export function recordPosts(page: Page): Posted[] {
  const posts: Posted[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/callback')
      posts.push(request.postDataJSON() as Posted);
  });
  return posts;
}

/** The phone numbers (E.164) of the stored leads with this name. */
export async function storedPhones(name: string): Promise<string[]> {
  return (await readStoredLeads())
    .filter((lead) => lead.name === name)
    .map((lead) => lead.phone)
    .sort();
}

/** Sends the form and waits for the thanks page. */
export async function send(page: Page): Promise<void> {
  await sendButton(page).click();
  await expect(page).toHaveURL('/callback/thanks/');
}
