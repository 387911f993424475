/**
 * What becomes of each exported item: published, draft, never written, or skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyItem, tally } from '../../../src/import/wordpress/classify.ts';
import { readWxr } from '../../../src/import/wordpress/wxr.ts';

const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/wordpress/', import.meta.url));
const haveFixtures = existsSync(FIXTURES);
if (!haveFixtures)
  console.warn(`Skipping the real WordPress exports: ${FIXTURES} is absent (it lives in ../shared).`);

const post = (status: string, hasPassword = false) => ({
  type: 'post',
  status,
  hasPassword,
  link: 'https://old.example/x/',
});

describe('posts', () => {
  it.each([
    ['publish', false, { action: 'article', draft: false }],
    ['draft', false, { action: 'article', draft: true }],
    ['pending', false, { action: 'article', draft: true }],
    ['future', false, { action: 'article', draft: true }],
    ['private', false, { action: 'never', reason: 'private' }],
    ['trash', false, { action: 'never', reason: 'trash' }],
    ['publish', true, { action: 'never', reason: 'password' }],
    ['draft', true, { action: 'never', reason: 'password' }],
    ['a-plugin-status', false, { action: 'never', reason: 'unknown_status' }],
  ])('%s (password: %s) -> %j', (status, hasPassword, expected) => {
    expect(classifyItem(post(status, hasPassword))).toEqual(expected);
  });

  it('what is said of a post never written carries no address', () => {
    for (const status of ['private', 'trash'])
      expect(JSON.stringify(classifyItem(post(status)))).not.toContain('old.example');
    expect(JSON.stringify(classifyItem(post('publish', true)))).not.toContain('old.example');
  });
});

describe('other types', () => {
  it.each([
    ['page', { action: 'page', link: 'https://old.example/x/' }],
    ['attachment', { action: 'attachment' }],
    ['nav_menu_item', { action: 'skip', reason: 'nav_menu_item' }],
    ['revision', { action: 'skip', reason: 'revision' }],
    ['', { action: 'skip', reason: 'no_type' }],
  ])('%j -> %j', (type, expected) => {
    expect(
      classifyItem({ type, status: 'publish', hasPassword: false, link: 'https://old.example/x/' }),
    ).toEqual(expected);
  });
});

// The statuses each fixture holds: 55/34 published, one scheduled and one draft each, one published behind a password.
describe.skipIf(!haveFixtures).each([
  [
    'themeunittestdata.wordpress.xml',
    {
      'article:published': 55,
      'article:draft': 2,
      'never:password': 1,
      page: 21,
      attachment: 37,
      'skip:nav_menu_item': 70,
    },
  ],
  [
    'wptest/wptest.xml',
    {
      'article:published': 34,
      'article:draft': 2,
      'never:password': 1,
      page: 15,
      attachment: 44,
      'skip:nav_menu_item': 102,
    },
  ],
])('real export %s', (file, expected) => {
  it('every item lands in exactly one outcome', () => {
    const wxr = readWxr(readFileSync(`${FIXTURES}${file}`, 'utf8'), file);
    const counts = tally(wxr.items);
    expect(counts).toEqual(expected);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(wxr.items.length);
  });
});
