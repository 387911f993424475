/**
 * The real public exports in ../shared/fixtures, for the plan tests. Read only when a test
 * runs (`load`), never when a suite is collected, so a clone without ../shared skips them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readWxr, type WxrExport } from '../../../../src/import/wordpress/wxr.ts';
import { classifyItem } from '../../../../src/import/wordpress/classify.ts';

export const FIXTURES = fileURLToPath(new URL('../../../../../shared/fixtures/wordpress/', import.meta.url));
export const haveFixtures = existsSync(FIXTURES);
if (!haveFixtures)
  console.warn(
    `Skipping the plan tests on real WordPress exports: ${FIXTURES} is absent (it lives in ../shared).`,
  );

export const FIXTURE_FILES = ['themeunittestdata.wordpress.xml', 'wptest/wptest.xml'] as const;

const cache = new Map<string, WxrExport>();
export function load(file: string): WxrExport {
  let wxr = cache.get(file);
  if (!wxr) {
    wxr = readWxr(readFileSync(`${FIXTURES}${file}`, 'utf8'), file);
    cache.set(file, wxr);
  }
  return wxr;
}

/** The posts an import writes as articles. */
export const articlesOf = (wxr: WxrExport) =>
  wxr.items.filter((item) => classifyItem(item).action === 'article');
