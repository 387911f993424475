/**
 * An imported article's title, description and indexing, from the post and its Yoast
 * settings (issue 13, "SEO carried over"), held to the schema's limits: a title of at most
 * 60 characters, a description of 70..160. What cannot be carried over as it was is
 * reported, never quietly rewritten. Pure.
 */
import { finding, type Finding } from '../findings.ts';
import type { YoastSeo } from '../yoast.ts';
import type { WxrItem } from '../wxr.ts';
import { cutAtWord, plainText } from './text.ts';

/** The schema's limits for an article (src/content.config.ts). */
export const SEO_LIMITS = { title: 60, descriptionMin: 70, descriptionMax: 160 } as const;

/** What `articleSeo` reads. */
export interface ArticleSeoInput {
  item: Pick<WxrItem, 'id' | 'title' | 'link'>;
  yoast: YoastSeo;
  /** The converted body's first paragraph as plain text ('' when none). */
  firstParagraph: string;
  /** The post's excerpt as plain text ('' when none). */
  excerptText: string;
}

/** What `articleSeo` decided. */
export interface ArticleSeo {
  /** The headline: the post's title, whole. */
  title: string;
  /** A shorter title for search results, when Yoast had one that fits. */
  seoTitle?: string;
  description: string;
  noindex: boolean;
  findings: Finding[];
}

/** The host of a canonical that points away from the post's own address, else null. */
function canonicalElsewhere(canonical: string | null, link: string): string | null {
  if (!canonical) return null;
  let target: URL;
  try {
    // A relative canonical is relative to the post.
    target = link ? new URL(canonical, link) : new URL(canonical);
  } catch {
    return 'invalid-url';
  }
  let own: URL | null = null;
  try {
    own = new URL(link);
  } catch {
    own = null;
  }
  // http/https, "www." and a trailing slash are the same page to a search engine's eyes here.
  const key = (url: URL) =>
    `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}${url.search}`;
  return own && key(own) === key(target) ? null : target.hostname;
}

/** Title, optional search-result title, description, noindex and findings for one post. */
export function articleSeo(input: ArticleSeoInput): ArticleSeo {
  const { item, yoast } = input;
  const findings: Finding[] = [];

  let title = plainText(item.title);
  if (!title) {
    title = `Untitled post ${item.id}`;
    findings.push(finding('title-missing', true));
  }
  const yoastTitle = yoast.title ? plainText(yoast.title) : '';
  let seoTitle: string | undefined;
  if (yoastTitle && yoastTitle.length <= SEO_LIMITS.title) {
    if (yoastTitle !== title) seoTitle = yoastTitle;
  } else if (yoastTitle) {
    // Yoast's title would be cut in a search result: the post's own title stands instead.
    findings.push(finding('yoast-title-too-long', false));
  }
  if (title.length > SEO_LIMITS.title && seoTitle === undefined)
    findings.push(finding('title-too-long', true));

  const sources: [string, 'yoast' | 'excerpt' | 'first-paragraph'][] = [
    [plainText(yoast.description ?? ''), 'yoast'],
    [plainText(input.excerptText), 'excerpt'],
    [plainText(input.firstParagraph), 'first-paragraph'],
  ];
  const [text, source] = sources.find(([candidate]) => candidate !== '') ?? ['', null];
  const description = cutAtWord(text, SEO_LIMITS.descriptionMax, true);
  if (source === null) findings.push(finding('description-missing', true));
  else {
    if (source !== 'yoast') findings.push(finding('description-generated', true, source));
    if (description.length < SEO_LIMITS.descriptionMin) findings.push(finding('description-too-short', true));
  }

  const host = canonicalElsewhere(yoast.canonical, item.link);
  if (host !== null) findings.push(finding('canonical-elsewhere', true, host));
  if (yoast.unresolved.length > 0)
    findings.push(finding('yoast-variable-dropped', false, yoast.unresolved.join(',')));

  return seoTitle === undefined
    ? { title, description, noindex: yoast.noindex, findings }
    : { title, seoTitle, description, noindex: yoast.noindex, findings };
}

/** One planned article, as `findCollisions` compares them. */
export interface CollisionEntry {
  /** The post id, as a string. */
  key: string;
  title: string;
  seoTitle?: string;
  description: string;
}

const norm = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const byKey = (a: CollisionEntry, b: CollisionEntry) => {
  const [x, y] = [Number(a.key), Number(b.key)];
  if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
};

/**
 * Posts whose page title (the search-result title when there is one) or description equals
 * an earlier one's, case and spacing aside. Earlier means a lower post id; articles already
 * in the project come before all (their detail is their `id`, or "existing"). Each later
 * post gets "duplicate-title" / "duplicate-description" with the first one's key as detail;
 * nothing is changed. An empty description collides with nothing: it is reported as missing.
 */
export function findCollisions(
  list: readonly CollisionEntry[],
  existing: readonly { id?: string; title: string; description: string }[],
): Map<string, Finding[]> {
  const titles = new Map<string, string>();
  const descriptions = new Map<string, string>();
  const remember = (seen: Map<string, string>, text: string, key: string) => {
    const normalized = norm(text);
    if (normalized && !seen.has(normalized)) seen.set(normalized, key);
  };
  for (const entry of existing) {
    remember(titles, entry.title, entry.id ?? 'existing');
    remember(descriptions, entry.description, entry.id ?? 'existing');
  }
  const out = new Map<string, Finding[]>();
  for (const entry of [...list].sort(byKey)) {
    const found: Finding[] = [];
    const title = entry.seoTitle ?? entry.title;
    const firstTitle = titles.get(norm(title));
    if (firstTitle !== undefined) found.push(finding('duplicate-title', true, firstTitle));
    const firstDescription = descriptions.get(norm(entry.description));
    if (firstDescription !== undefined) found.push(finding('duplicate-description', true, firstDescription));
    remember(titles, title, entry.key);
    remember(descriptions, entry.description, entry.key);
    if (found.length) out.set(entry.key, found);
  }
  return out;
}
