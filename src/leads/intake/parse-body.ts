/**
 * Turns body bytes into the contract's fields: unknown fields are dropped here, before
 * anything else sees them, so they can never be stored.
 *
 * A repeated field is refused (400) rather than resolved by "first wins" or "last wins":
 * our form never repeats a name, and for `consent` in particular we will not guess which
 * of `consent=no&consent=yes` the visitor meant. Repeats of unknown fields are ignored
 * with the fields themselves.
 */
import { FIELD_NAMES } from '../../callback/fields.ts';
import type { BodyKind } from './guards.ts';
import { topLevelKeys } from './json-keys.ts';

export type RawValue = string | number | boolean | null;
export type RawFields = Partial<Record<string, RawValue>>;
export type ParseProblem = 'malformed' | 'duplicate_field';
export type ParsedBody = { ok: true; fields: RawFields } | { ok: false; problem: ParseProblem };

/** The known field names of a request kind; the callback's by default. */
type Known = ReadonlySet<string>;
const CALLBACK_FIELDS: Known = new Set(FIELD_NAMES);
const knownSets = new WeakMap<readonly string[], Known>();
function knownSet(names: readonly string[]): Known {
  let set = knownSets.get(names);
  if (!set) knownSets.set(names, (set = new Set(names)));
  return set;
}
const malformed: ParsedBody = { ok: false, problem: 'malformed' };
const duplicate: ParsedBody = { ok: false, problem: 'duplicate_field' };

/** `fieldNames`: the request kind's fields (visible and hidden); every other field is dropped. */
export function parseBody(kind: BodyKind, bytes: Uint8Array, fieldNames?: readonly string[]): ParsedBody {
  const known = fieldNames === undefined ? CALLBACK_FIELDS : knownSet(fieldNames);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return malformed;
  }
  return kind === 'json' ? parseJson(text, known) : parseForm(text, known);
}

// Strict application/x-www-form-urlencoded: unlike URLSearchParams, a broken percent
// escape ("%zz", a lone "%E2") is an error, not text passed through as typed.
function parseForm(text: string, known: Known): ParsedBody {
  const fields: RawFields = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
      value = eq === -1 ? '' : decodeComponent(pair.slice(eq + 1));
    } catch {
      return malformed;
    }
    if (!known.has(key)) continue;
    if (Object.hasOwn(fields, key)) return duplicate;
    fields[key] = value;
  }
  return { ok: true, fields };
}

const decodeComponent = (part: string): string => decodeURIComponent(part.replace(/\+/g, ' '));

function parseJson(text: string, known: Known): ParsedBody {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return malformed;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return malformed;

  const seen = new Set<string>();
  for (const key of topLevelKeys(text)) {
    if (!known.has(key)) continue;
    if (seen.has(key)) return duplicate;
    seen.add(key);
  }

  const fields: RawFields = {};
  for (const [key, value] of Object.entries(data)) {
    if (!known.has(key)) continue;
    // Every field is a single value; a list or object here is a broken client.
    if (typeof value === 'object' && value !== null) return malformed;
    fields[key] = value as RawValue;
  }
  return { ok: true, fields };
}
