/**
 * What the project already holds, read before an import plans anything: the people who
 * may be named, the topics, and the hand-written articles whose slugs, titles and
 * descriptions imported posts must not take. Files the importer wrote itself (listed in
 * its manifest) do not count: a new run plans them again from the export.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { LegacyRedirect } from '../../../lib/seo/redirects.ts';

export interface ProjectPerson {
  name: string;
  credentials: string[];
  reviewsClinicalContent: boolean;
}
export interface ProjectArticle {
  /** Path relative to the project, e.g. "src/content/articles/iop-vs-outpatient.mdx". */
  file: string;
  slug: string;
  title: string;
  seoTitle?: string;
  description: string;
}
export interface ProjectState {
  people: Map<string, ProjectPerson>;
  topics: Map<string, { label: string }>;
  /** Articles that are not the importer's own. */
  articles: ProjectArticle[];
  /** The hand-written redirects of src/legacy-urls.ts (read by the caller: it is code). */
  redirects: LegacyRedirect[];
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---/;
const baseName = (file: string) => file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');

function filesUnder(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => pattern.test(f))
    .sort();
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** @param owned paths (relative to root) the importer wrote, from its manifest */
export function readProject(
  root: string,
  owned: ReadonlySet<string>,
  redirects: LegacyRedirect[],
): ProjectState {
  const content = join(root, 'src/content');
  const own = (dir: string, file: string) =>
    !owned.has(relative(root, join(dir, file)).split('\\').join('/'));

  const people = new Map<string, ProjectPerson>();
  const peopleDir = join(content, 'people');
  for (const file of filesUnder(peopleDir, /\.(ya?ml)$/)) {
    if (!own(peopleDir, file)) continue;
    const data = record(parse(readFileSync(join(peopleDir, file), 'utf8')));
    people.set(file.replace(/\.[^.]+$/, ''), {
      name: str(data.name),
      credentials: Array.isArray(data.credentials) ? data.credentials.map(str) : [],
      reviewsClinicalContent: data.reviewsClinicalContent === true,
    });
  }

  const topics = new Map<string, { label: string }>();
  const topicsDir = join(content, 'topics');
  for (const file of filesUnder(topicsDir, /^[^/]+\.ya?ml$/)) {
    if (!own(topicsDir, file)) continue;
    topics.set(baseName(file), {
      label: str(record(parse(readFileSync(join(topicsDir, file), 'utf8'))).label),
    });
  }

  const articles: ProjectArticle[] = [];
  const articlesDir = join(content, 'articles');
  for (const file of filesUnder(articlesDir, /\.mdx?$/)) {
    if (!own(articlesDir, file)) continue;
    const match = FRONTMATTER.exec(readFileSync(join(articlesDir, file), 'utf8'));
    const data = record(match ? parse(match[1] ?? '') : {});
    const seoTitle = str(data.seoTitle);
    articles.push({
      file: `src/content/articles/${file}`,
      slug: baseName(file),
      title: str(data.title),
      ...(seoTitle ? { seoTitle } : {}),
      description: str(data.description),
    });
  }
  return { people, topics, articles, redirects };
}
