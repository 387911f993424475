/**
 * The import manifest: for each file the importer last wrote, the sha256 of what it wrote.
 * It is how a later run tells "still as imported" from "edited by hand since". Serialised
 * with sorted keys and a final newline so that an unchanged import leaves it byte-identical.
 */
import { createHash } from 'node:crypto';

/** Hex sha256 of some bytes. */
export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const HASH = /^[0-9a-f]{64}$/;

/**
 * Reads a manifest's text into path → hash. Throws (naming `where`) on anything that is
 * not a manifest: a guess here could overwrite someone's edits.
 */
export function parseManifest(text: string, where: string): Map<string, string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where} is not valid JSON (${(error as Error).message}); fix or delete it`);
  }
  const files = (data as { files?: unknown } | null)?.files;
  if (typeof files !== 'object' || files === null || Array.isArray(files))
    throw new Error(`${where} has no "files" object; fix or delete it`);
  const entries = new Map<string, string>();
  for (const [path, hash] of Object.entries(files)) {
    if (typeof hash !== 'string' || !HASH.test(hash))
      throw new Error(`${where}: the entry for ${JSON.stringify(path)} is not a sha256; fix or delete it`);
    entries.set(path, hash);
  }
  return entries;
}

/**
 * The manifest's text: one entry a line in code-unit order, written by hand rather than by
 * JSON.stringify because objects put integer-like keys first whatever the insertion order.
 */
export function serializeManifest(files: ReadonlyMap<string, string>): string {
  const lines = [...files.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((path) => `    ${JSON.stringify(path)}: ${JSON.stringify(files.get(path))}`);
  const body = lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n  }`;
  return `{\n  "files": ${body},\n  "version": 1\n}\n`;
}
