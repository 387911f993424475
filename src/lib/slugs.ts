/**
 * URL slugs for collection entries. The glob loader's ids keep sub-folders
 * ("2026/iop-vs-outpatient"), so editors may file articles in folders; the URL uses
 * the file's own name, and two files with the same name anywhere fail the build.
 */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugFromId(id: string): string {
  const slug = id.split('/').at(-1) ?? '';
  if (!SLUG.test(slug)) {
    throw new Error(`"${id}" cannot be a URL: name the file with lower-case letters, digits and hyphens.`);
  }
  return slug;
}

export function assertUniqueSlugs(entries: { id: string; filePath?: string | undefined }[]): void {
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const slug = slugFromId(entry.id);
    const where = entry.filePath ?? entry.id;
    const first = seen.get(slug);
    if (first) throw new Error(`${where} and ${first} would both be published at "${slug}": rename one.`);
    seen.set(slug, where);
  }
}
