/**
 * The top-level keys of a JSON object text, in order and with repeats. JSON.parse keeps
 * only the last of repeated keys, silently; we need to see the repeats to refuse them.
 * Call only on text JSON.parse has accepted as an object: the scan trusts its syntax.
 */
export function topLevelKeys(json: string): string[] {
  const keys: string[] = [];
  let i = skipSpace(json, 0) + 1; // past "{"
  for (;;) {
    i = skipSpace(json, i);
    if (json[i] === '}') return keys;
    if (json[i] === ',') i = skipSpace(json, i + 1);
    const end = stringEnd(json, i);
    keys.push(JSON.parse(json.slice(i, end)) as string);
    i = skipSpace(json, end) + 1; // past ":"
    i = valueEnd(json, skipSpace(json, i));
  }
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r'))
    i++;
  return i;
}

/** Index just past the string that opens at `i`. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  return text.length;
}

/** Index just past the value that starts at `i`. */
function valueEnd(text: string, i: number): number {
  const first = text[i];
  if (first === '"') return stringEnd(text, i);
  if (first === '{' || first === '[') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const ch = text[j];
      if (ch === '"') j = stringEnd(text, j) - 1;
      else if (ch === '{' || ch === '[') depth++;
      else if ((ch === '}' || ch === ']') && --depth === 0) return j + 1;
    }
    return text.length;
  }
  let j = i;
  while (j < text.length && !/[\s,}\]]/.test(text[j]!)) j++;
  return j;
}
