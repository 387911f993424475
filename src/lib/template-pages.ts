/**
 * The required notices (nondiscrimination, language assistance, privacy practices) ship as
 * templates until the center's counsel replaces them; a production build refuses them.
 * Apart from src/lib/placeholders.ts because it parses YAML, and the lead functions import
 * that module: they need not carry a YAML parser.
 */
import { parse } from 'yaml';
import type { Placeholder } from './placeholders.ts';

/** Why a page counts as a placeholder: its frontmatter still says `template: true`. */
export const TEMPLATE_REASON = 'a notice template counsel has not replaced yet (template: true)';

/**
 * Content pages whose frontmatter says `template: true` (the required notices until the
 * center's counsel replaces them), each named by its file. `sources` maps a file's path
 * to its text; a file without frontmatter, or with `template: false`, is not a template.
 */
export function findTemplatePages(sources: Record<string, string>): Placeholder[] {
  return Object.entries(sources)
    .filter(([, text]) => {
      const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text)?.[1];
      if (frontmatter === undefined) return false;
      const data: unknown = parse(frontmatter);
      return Boolean(data) && typeof data === 'object' && (data as { template?: unknown }).template === true;
    })
    .map(([file]) => ({ setting: file, reason: TEMPLATE_REASON }))
    .sort((a, b) => a.setting.localeCompare(b.setting));
}

/** The report for template pages, one line each, or '' when there are none. */
export function templateReport(found: Placeholder[]): string {
  if (found.length === 0) return '';
  return [
    'A production build cannot ship notice templates. Replace each with the text counsel approves and remove `template: true`:',
    ...found.map((p) => `  - ${p.setting}: ${p.reason}`),
  ].join('\n');
}
