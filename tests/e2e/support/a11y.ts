/** Accessibility checks shared by the site-wide test and the fixture that must fail. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Each finding as "rule: element (what is wrong)", so a failure says where to look. */
export async function axeFindings(page: Page, rules?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  const { violations } = await (rules ? builder.withRules(rules) : builder).analyze();
  return violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${v.id}: ${node.target.join(' ')} (${node.failureSummary?.split('\n')[1]?.trim() ?? v.help})`,
    ),
  );
}

/** Problems with the heading outline: not exactly one h1, or a level skipped on the way down. */
export async function outlineFindings(page: Page): Promise<string[]> {
  const levels = await page
    .locator('h1, h2, h3, h4, h5, h6')
    .evaluateAll((hs) => hs.map((h) => ({ level: Number(h.tagName[1]), text: h.textContent?.trim() ?? '' })));
  const findings: string[] = [];
  const h1s = levels.filter((h) => h.level === 1).length;
  if (h1s !== 1) findings.push(`heading-outline: ${h1s} h1 elements (expected 1)`);
  levels.reduce((previous, h) => {
    if (h.level > previous + 1)
      findings.push(`heading-outline: h${h.level} "${h.text}" follows h${previous}`);
    return h.level;
  }, 0);
  return findings;
}
