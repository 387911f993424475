/**
 * Placeholder values in content data files (locations, people), each named by its file and
 * field, so a production build can refuse a made-up address, map pin or licence number the
 * way it refuses a made-up phone in src/site.config.ts.
 */
import { parse } from 'yaml';
import { findPlaceholders, type Placeholder } from './placeholders.ts';

/**
 * `sources` maps a file's path (e.g. "src/content/locations/main-campus.json") to its text:
 * JSON or YAML, which the YAML parser reads alike. Each finding's setting is
 * "<file>: <field path>", e.g. "src/content/locations/main-campus.json: phone.display".
 */
export function findContentPlaceholders(sources: Record<string, string>): Placeholder[] {
  return Object.entries(sources)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([file, text]) =>
      findPlaceholders(parse(text) as unknown, '').map((p) => ({
        setting: `${file}: ${p.setting.replace(/^\./, '') || '(whole file)'}`,
        reason: p.reason,
      })),
    );
}
