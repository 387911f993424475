/**
 * Finds values in the site configuration that are still placeholders, so a production
 * build can refuse them instead of publishing a fake phone number to people in crisis.
 */

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
    // Coordinates 0, 0 are in the ocean off West Africa: a map pin nobody has set yet.
    const { latitude, longitude } = value as { latitude?: unknown; longitude?: unknown };
    const nowhere = latitude === 0 && longitude === 0 ? [{ setting, reason: 'the coordinates 0, 0' }] : [];
    return [
      ...nowhere,
      ...Object.entries(value).flatMap(([key, item]) => findPlaceholders(item, `${setting}.${key}`)),
    ];
  }
  return [];
}

/**
 * For builds and local tools: Netlify sets CONTEXT=production while building a
 * production deploy; NODE_ENV covers other hosts. A deployed function never sees CONTEXT:
 * it asks src/leads/runtime/runtime-mode.ts, which also reads Netlify's run-time deploy context.
 */
export function isProductionBuild(env: Record<string, string | undefined>): boolean {
  return env['CONTEXT'] === 'production' || env['NODE_ENV'] === 'production';
}

/** The report for placeholders found in `where` (the file to edit), one line each. */
export function placeholderReport(found: Placeholder[], where = 'src/site.config.ts'): string {
  const lines = found.map((p) => `  - ${p.setting}: ${p.reason}`);
  return [`A production build cannot ship placeholder values. Replace these in ${where}:`, ...lines].join(
    '\n',
  );
}
