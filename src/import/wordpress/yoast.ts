/**
 * Yoast SEO's per-post settings, from an export's post meta (issue 13, "SEO carried
 * over"): the title and meta description with Yoast's `%%variables%%` resolved, noindex,
 * and a canonical that points elsewhere. Pure.
 *
 * A variable we cannot resolve is dropped from the text and named in `unresolved`, so the
 * report can say so instead of publishing "%%cf_custom%%" in a search result.
 */
import type { WxrItem } from './wxr.ts';

export interface YoastContext {
  /** The post's own title. */
  title: string;
  /** The site's name, as the new site uses it. */
  siteName: string;
  /** Yoast's separator setting; its default is "-". */
  separator?: string;
  excerpt?: string;
  /** Name of the post's primary (or first) category. */
  category?: string;
}

export interface YoastSeo {
  title: string | null;
  description: string | null;
  noindex: boolean;
  /** Yoast's canonical override, when set: the report flags one that points elsewhere. */
  canonical: string | null;
  /** Variables that had no value here, by name. */
  unresolved: string[];
}

const VARIABLE = /%%([a-z0-9_]+)%%/gi;

/** One Yoast template with its variables resolved; unknown ones dropped and listed. */
export function resolveTemplate(
  template: string,
  context: YoastContext,
): { text: string; unresolved: string[] } {
  const values: Record<string, string | undefined> = {
    title: context.title,
    sitename: context.siteName,
    sep: context.separator ?? '-',
    excerpt: context.excerpt,
    excerpt_only: context.excerpt,
    category: context.category,
    primary_category: context.category,
    // Paging never applies to one imported article.
    page: '',
    pagetotal: '',
    pagenumber: '',
  };
  const unresolved: string[] = [];
  const text = template
    .replace(VARIABLE, (_, name: string) => {
      const value = values[name.toLowerCase()];
      if (value === undefined) unresolved.push(name.toLowerCase());
      return value ?? '';
    })
    .replace(/\s+/g, ' ')
    .trim()
    // A separator left at either end once a variable came out empty.
    .replace(
      new RegExp(
        `^(?:${escape(context.separator ?? '-')}\\s*)+|(?:\\s*${escape(context.separator ?? '-')})+$`,
        'g',
      ),
      '',
    )
    .trim();
  return { text, unresolved: [...new Set(unresolved)] };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const first = (item: Pick<WxrItem, 'meta'>, key: string) => item.meta[key]?.[0]?.trim() || null;

export function yoastSeo(item: Pick<WxrItem, 'meta'>, context: YoastContext): YoastSeo {
  const unresolved = new Set<string>();
  const resolve = (key: string) => {
    const template = first(item, key);
    if (template === null) return null;
    const { text, unresolved: names } = resolveTemplate(template, context);
    for (const name of names) unresolved.add(name);
    return text || null;
  };
  return {
    title: resolve('_yoast_wpseo_title'),
    description: resolve('_yoast_wpseo_metadesc'),
    noindex: first(item, '_yoast_wpseo_meta-robots-noindex') === '1',
    canonical: first(item, '_yoast_wpseo_canonical'),
    unresolved: [...unresolved].sort(),
  };
}
