/**
 * The insurer list (src/content/insurers/) ships with made-up sample entries, named so
 * nobody mistakes them for real ones ("Sample", "Placeholder"); a production build refuses
 * them, naming each file, so no visitor is told the center works with an invented plan.
 */
import { parse } from 'yaml';
import type { Placeholder } from './placeholders.ts';

const SAMPLE_NAME = /\b(sample|placeholder)\b/i;

/** Entries whose name says sample or placeholder; `sources` maps a file's path to its YAML text. */
export function findSampleInsurers(sources: Record<string, string>): Placeholder[] {
  return Object.entries(sources)
    .flatMap(([file, text]) => {
      const data: unknown = parse(text);
      const name = data && typeof data === 'object' ? (data as { name?: unknown }).name : undefined;
      return typeof name === 'string' && SAMPLE_NAME.test(name)
        ? [
            {
              setting: file,
              reason: `a sample insurer ("${name}"): replace it with a plan the center works with, or delete it`,
            },
          ]
        : [];
    })
    .sort((a, b) => a.setting.localeCompare(b.setting));
}

/** The report for sample insurers, one line each, or '' when there are none. */
export function sampleInsurerReport(found: Placeholder[]): string {
  if (found.length === 0) return '';
  return [
    'A production build cannot list sample insurers on /insurance/. Replace or delete each:',
    ...found.map((p) => `  - ${p.setting}: ${p.reason}`),
  ].join('\n');
}
