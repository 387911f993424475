/**
 * Finds values in the site configuration that are still placeholders, so a production
 * build can refuse them instead of publishing a fake phone number to people in crisis.
 */
import { parse } from 'yaml';

export interface Placeholder {
  /** Where the value sits, e.g. "site.admissions.phone.display". */
  setting: string;
  /** Why it counts as a placeholder. */
  reason: string;
}

const markers: { reason: string; test: (value: string) => boolean }[] = [
  {
    reason: 'a fictional 555-01xx phone number',
    test: (value) => /555[\s.-]?01\d\d(?!\d)/.test(value.replace(/[()]/g, '')),
  },
  {
    reason: 'a reserved example domain',
    test: (value) => /(\.example(?![a-z0-9-])|\bexample\.(com|org|net)\b)/i.test(value),
  },
  { reason: 'the word "placeholder"', test: (value) => /placeholder/i.test(value) },
  { reason: 'the postal code 00000', test: (value) => value === '00000' },
];

export function findPlaceholders(value: unknown, setting = 'site'): Placeholder[] {
  if (typeof value === 'string') {
    return markers.filter((m) => m.test(value)).map((m) => ({ setting, reason: m.reason }));
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => findPlaceholders(item, `${setting}[${index}]`));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findPlaceholders(item, `${setting}.${key}`));
  }
  return [];
}

/**
 * For builds and local tools: Netlify sets CONTEXT=production while building a
 * production deploy; NODE_ENV covers other hosts. A deployed function never sees CONTEXT:
 * it asks src/leads/runtime-mode.ts, which also reads Netlify's run-time deploy context.
 */
export function isProductionBuild(env: Record<string, string | undefined>): boolean {
  return env['CONTEXT'] === 'production' || env['NODE_ENV'] === 'production';
}

export function placeholderReport(found: Placeholder[]): string {
  const lines = found.map((p) => `  - ${p.setting}: ${p.reason}`);
  return [
    'A production build cannot ship placeholder values. Replace these in src/site.config.ts:',
    ...lines,
  ].join('\n');
}

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
