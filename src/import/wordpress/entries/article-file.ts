/**
 * An imported article's file: YAML frontmatter written by the yaml library (never by
 * joining strings, so a title with a colon or a quote stays a title), then the body.
 */
import { stringify } from 'yaml';

export interface ArticleFrontmatter {
  title: string;
  seoTitle?: string;
  description: string;
  /** YYYY-MM-DD. */
  publishedAt: string;
  author: string;
  reviewer?: string;
  /** YYYY-MM-DD. */
  reviewedAt?: string;
  topics: string[];
  /** Relative to the article file, e.g. "./uploads/2013/03/photo.jpg". */
  hero?: { image: string; alt: string };
  draft: boolean;
  noindex?: boolean;
}

/** Fields in the order editors read them; absent ones are left out, never written empty. */
const ORDER = [
  'title',
  'seoTitle',
  'description',
  'publishedAt',
  'author',
  'reviewer',
  'reviewedAt',
  'topics',
  'hero',
  'draft',
  'noindex',
] as const;

export function frontmatterYaml(data: ArticleFrontmatter): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) if (data[key] !== undefined) ordered[key] = data[key];
  // lineWidth 0: no folding, so a re-run writes the same bytes whatever the text's length.
  return stringify(ordered, { lineWidth: 0, flowCollectionPadding: false, singleQuote: true });
}

/** The whole file; `bodyLine` is the file line where the body's first line lands. */
export function articleFile(data: ArticleFrontmatter, body: string): { text: string; bodyLine: number } {
  const yaml = frontmatterYaml(data);
  const head = `---\n${yaml}---\n\n`;
  return { text: head + body, bodyLine: head.split('\n').length };
}
