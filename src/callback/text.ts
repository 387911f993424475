/**
 * Small text rules shared by the schema and the browser checks.
 */

// C0/C1 controls and line/paragraph separators break the emails and logs a lead ends up
// in; bidi embeddings, overrides and isolates can make a name display as something else.
const CONTROL = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

export function hasControlCharacters(text: string): boolean {
  // A lone surrogate is not text; it cannot be encoded in the UTF-8 a lead is sent as.
  return CONTROL.test(text) || !text.isWellFormed();
}

/** Characters as people count them closely enough: Unicode code points, not UTF-16 units. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
