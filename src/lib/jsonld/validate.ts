/**
 * Checks that hold for any graph this site emits: one `@graph`, every node typed and
 * identified once, every `{ "@id" }` reference pointing at a node of the same graph.
 * Used by the build guard and the tests; the builders' types cannot promise these.
 */
export function graphProblems(value: unknown): string[] {
  if (!value || typeof value !== 'object') return ['JSON-LD is not an object'];
  const doc = value as Record<string, unknown>;
  const problems: string[] = [];
  if (doc['@context'] !== 'https://schema.org') problems.push('@context is not "https://schema.org"');
  const graph = doc['@graph'];
  if (!Array.isArray(graph)) return [...problems, 'there is no @graph array'];

  const ids = new Set<string>();
  for (const [i, node] of graph.entries()) {
    if (!node || typeof node !== 'object') {
      problems.push(`@graph[${i}] is not an object`);
      continue;
    }
    const { '@id': id, '@type': type } = node as Record<string, unknown>;
    if (typeof type !== 'string' || !type) problems.push(`@graph[${i}] has no @type`);
    if (typeof id !== 'string' || !id) problems.push(`@graph[${i}] (${String(type)}) has no @id`);
    else if (ids.has(id)) problems.push(`@id "${id}" appears twice`);
    else ids.add(id);
  }
  for (const id of references(graph)) {
    if (!ids.has(id)) problems.push(`reference to "${id}" does not resolve inside the graph`);
  }
  return problems;
}

/** Every `@id` used as a reference (an object whose only key is `@id`), anywhere in the value. */
export function references(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(references);
  if (!value || typeof value !== 'object') return [];
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]?.[0] === '@id' && typeof entries[0][1] === 'string')
    return [entries[0][1]];
  return entries.flatMap(([, v]) => references(v));
}
