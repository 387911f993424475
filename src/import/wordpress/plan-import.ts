/**
 * The whole import, planned in memory: from a parsed export and what the project holds to
 * the exact files to write and what to tell a person. Nothing here touches the project;
 * write/commit.ts writes the plan in one step, or nothing.
 *
 * Order matters twice. A post's text is converted before its SEO is decided (the first
 * paragraph can become its description), and whether a post is published is known only
 * once collisions are found; links and redirects may only lead to published posts, so the
 * text is converted a second time with the final list (it is cheap: milliseconds a post).
 */
import { readFileSync } from 'node:fs';
import type { LegacyRedirect } from '../../lib/seo/redirects.ts';
import type { ReviewPolicy } from '../../site.config.ts';
import { classifyItem } from './classify.ts';
import { articleFile, type ArticleFrontmatter } from './entries/article-file.ts';
import { personPath, personYaml, topicPath, topicYaml } from './entries/entry-files.ts';
import { finding, type Finding } from './findings.ts';
import { checkBody, convertPost, type ConvertContext } from './html/index.ts';
import { createLinkRewriter } from './plan/links.ts';
import { attachmentsById, createImageResolver, featuredImage, uploadsBases } from './plan/media.ts';
import { planPeople } from './plan/people.ts';
import { attachmentPagesOf, planRedirects } from './plan/redirects.ts';
import { attestation } from './plan/review.ts';
import { articleSeo, findCollisions } from './plan/seo.ts';
import { uniqueSlugs } from './plan/slugs.ts';
import { plainText } from './plan/text.ts';
import { planTopics } from './plan/topics.ts';
import type { ProjectState } from './project/read-project.ts';
import type { WxrExport, WxrItem } from './wxr.ts';
import { yoastSeo } from './yoast.ts';

/** Where imported articles live; their images sit beside them under uploads/. */
export const ARTICLES_DIR = 'src/content/articles/wordpress';
export const REDIRECTS_FILE = 'src/legacy-urls.wordpress.json';
export const MANIFEST_FILE = 'src/content/wordpress-import.json';
/** Old contact pages: WordPress sites name them so; they lead to the callback page. */
const CONTACT_PATHS = ['/contact/', '/contact-us/', '/get-in-touch/'];
/** On every article page, above the footer (src/components/CallbackForm.astro). */
const CALLBACK_FORM_HREF = '#cb-title';

/**
 * What keeps a post that WordPress published from being published here: what the build
 * would refuse (no review, no topic, a title or description search results cannot use, a
 * page that would repeat another's) and a missing date. Everything else that needs review
 * (a generated description, a missing image, a shortcode left as text) is listed for a
 * person but does not hold the post back: WordPress showed it that way too.
 */
const BLOCKS_PUBLISHING = new Set([
  'review-missing',
  'topic-missing',
  'title-missing',
  'title-too-long',
  'description-missing',
  'description-too-short',
  'duplicate-title',
  'duplicate-description',
  'date-missing',
]);

export interface ImportSettings {
  siteName: string;
  reviewPolicy: ReviewPolicy;
  now: Date;
  uploadsDir: string | null;
  reviewedBy?: string;
  reviewedOn?: string;
  tagsAsTopics: boolean;
  /** The HTML conversion; tests put a failing one here to see one bad post stop nothing. */
  convertPost?: typeof convertPost;
}

export type EntryKind = 'article' | 'topic' | 'person' | 'image' | 'redirect';

/** One thing the import plans, with what a person must know about it. No post text. */
export interface PlannedEntry {
  kind: EntryKind;
  /** Post id for articles; entry id for topics and people; path for images. */
  id: string;
  /** The file it becomes (relative to the project), when it becomes one. */
  path?: string;
  /** The post's old address (published and draft posts only, never private ones). */
  oldUrl?: string;
  /** The article is written as a draft. */
  draft?: boolean;
  /** Not written: a step failed for it. */
  failed?: boolean;
  findings: Finding[];
}

/** An item of the export that becomes nothing, with why: every item is accounted for. */
export interface SkippedItem {
  id: number;
  /** "page", "nav_menu_item", "attachment", "private", "trash", "password", ... */
  reason: string;
  /** For pages only: their old address, so a person can map each to a new page. */
  oldUrl?: string;
}

export interface ImportPlan {
  files: Map<string, Uint8Array | string>;
  entries: PlannedEntry[];
  skipped: SkippedItem[];
  redirects: LegacyRedirect[];
  /** Every item of the export once: articles + skipped = items. */
  itemCount: number;
}

export class ImportRefused extends Error {}

const hostOf = (url: string) => {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return '';
  }
};
const day = (iso: string | null) => (iso ?? '').slice(0, 10);
const pathOf = (link: string) => {
  try {
    return new URL(link).pathname;
  } catch {
    return link.startsWith('/') ? link : '';
  }
};
interface Draft {
  item: WxrItem;
  slug: string;
  publishFromWordPress: boolean;
  findings: Finding[];
}

export async function planImport(
  exp: WxrExport,
  project: ProjectState,
  settings: ImportSettings,
  progress: (done: number) => void = () => {},
): Promise<ImportPlan> {
  const review = attestation(
    { reviewedBy: settings.reviewedBy, reviewedOn: settings.reviewedOn },
    project.people,
    settings.reviewPolicy,
    settings.now,
  );
  if (!review.ok) throw new ImportRefused(review.message);

  const skipped: SkippedItem[] = [];
  const posts: { item: WxrItem; draft: boolean }[] = [];
  for (const item of exp.items) {
    const what = classifyItem(item);
    if (what.action === 'article') posts.push({ item, draft: what.draft });
    else if (what.action === 'never') skipped.push({ id: item.id, reason: what.reason });
    else if (what.action === 'page') skipped.push({ id: item.id, reason: 'page', oldUrl: pathOf(what.link) });
    else if (what.action === 'attachment') skipped.push({ id: item.id, reason: 'attachment' });
    else skipped.push({ id: item.id, reason: what.reason });
  }
  posts.sort((a, b) => a.item.id - b.item.id);

  const taken = new Set(project.articles.map((a) => a.slug));
  const { slugs, findings: slugFindings } = uniqueSlugs(
    posts.map((p) => p.item),
    taken,
  );
  const usedCategories = new Set(
    posts.flatMap((p) =>
      p.item.terms
        .filter((t) => t.domain === 'category' || (settings.tagsAsTopics && t.domain === 'post_tag'))
        .map((t) => t.slug),
    ),
  );
  // A category a post names but the export's list lacks still becomes a topic.
  const listed = new Set(exp.categories.map((c) => c.slug));
  const unlisted = new Map(
    posts
      .flatMap((p) => p.item.terms)
      .filter((t) => t.domain === 'category' && !listed.has(t.slug))
      .map((t) => [t.slug, { slug: t.slug, name: t.name, description: '', parent: '' }]),
  );
  const categories = [...exp.categories, ...unlisted.values()];
  const terms = settings.tagsAsTopics ? [...categories, ...exp.tags] : categories;
  const topicPlan = planTopics(terms, project.topics, usedCategories);
  const peoplePlan = planPeople(
    exp.authors,
    new Set(posts.map((p) => p.item.creator)),
    new Map([...project.people].map(([id, p]) => [id, { name: p.name }])),
  );

  const attachments = attachmentsById(exp);
  const siteUrls = [exp.baseSiteUrl, exp.baseBlogUrl, exp.link].filter(Boolean);
  const uploadsBase = [
    ...new Set([...uploadsBases(exp), ...siteUrls.map((u) => `${u.replace(/\/$/, '')}/wp-content/uploads/`)]),
  ];
  const images = createImageResolver({
    uploadsDir: settings.uploadsDir,
    uploadsBase,
    articleDir: ARTICLES_DIR,
    originals: [...attachments.values()].map((a) => a.file).filter(Boolean),
  });
  const pages = exp.items.filter((i) => i.type === 'page').map((i) => ({ id: i.id, link: i.link }));

  // A link to a page of the old site that is not an imported, published post would lead
  // nowhere once the site moves (and fails the build's link check): its words stay.
  const oldHosts = new Set(siteUrls.map(hostOf).filter(Boolean));
  const isOldSitePage = (href: string, base: string) => {
    try {
      const url = new URL(href, base);
      return (
        /^https?:$/.test(url.protocol) &&
        oldHosts.has(hostOf(url.href)) &&
        !/\/wp-content\//.test(url.pathname)
      );
    } catch {
      return false;
    }
  };
  const unresolved = new Set<number>();

  const convert = (item: WxrItem, linkTo: ReadonlyMap<number, string>) => {
    const rewrite = createLinkRewriter({
      siteUrls,
      posts: posts.map((p) => ({
        id: p.item.id,
        link: p.item.link,
        slug: p.item.slug,
        oldSlugs: p.item.meta['_wp_old_slug'] ?? [],
      })),
      slugOf: linkTo,
      pages,
      contactPaths: CONTACT_PATHS,
    });
    const ctx: ConvertContext = {
      rewriteLink: (href) => {
        const to = rewrite(href);
        if (to !== null || !isOldSitePage(href, item.link || exp.link)) return to;
        unresolved.add(item.id);
        return '';
      },
      image: (src) => images.resolve(src),
      callbackFormHref: CALLBACK_FORM_HREF,
    };
    return (settings.convertPost ?? convertPost)(item.content, ctx);
  };

  // First pass: text, SEO and what keeps each post from being published.
  const drafts: Draft[] = [];
  const failedPosts: PlannedEntry[] = [];
  const seoOf = new Map<number, ReturnType<typeof articleSeo>>();
  for (const { item, draft } of posts) {
    const slug = slugs.get(item.id) ?? `post-${item.id}`;
    let body;
    try {
      body = convert(item, slugs);
    } catch (error) {
      // One post the converter cannot read never stops the others. The error's name only:
      // its message could quote the post.
      const detail = error instanceof Error ? error.name : 'error';
      failedPosts.push({
        kind: 'article',
        id: String(item.id),
        oldUrl: pathOf(item.link),
        failed: true,
        findings: [finding('convert-failed', true, detail)],
      });
      continue;
    }
    const categoryName = item.terms.find((t) => t.domain === 'category')?.name;
    const excerptText = plainText(item.excerpt);
    const yoast = yoastSeo(item, {
      title: item.title,
      siteName: settings.siteName,
      excerpt: excerptText,
      ...(categoryName ? { category: categoryName } : {}),
    });
    const seo = articleSeo({ item, yoast, firstParagraph: body.firstParagraph, excerptText });
    seoOf.set(item.id, seo);
    const findings = [...(slugFindings.get(item.id) ?? []), ...seo.findings];
    if (draft) findings.push(finding('not-published-in-wordpress', false, item.status));
    if (!item.publishedAt) findings.push(finding('date-missing', true));
    drafts.push({ item, slug, publishFromWordPress: !draft, findings });
  }
  const collisions = findCollisions(
    drafts.map((d) => {
      const seo = seoOf.get(d.item.id)!;
      return {
        key: String(d.item.id),
        title: seo.title,
        ...(seo.seoTitle ? { seoTitle: seo.seoTitle } : {}),
        description: seo.description,
      };
    }),
    project.articles.map((a) => ({ title: a.seoTitle ?? a.title, description: a.description })),
  );

  const topicsOf = (item: WxrItem) => {
    const primaryId = Number(item.meta['_yoast_wpseo_primary_category']?.[0]);
    const primary = exp.categories.find((c) => c.termId === primaryId)?.slug;
    const slugsInOrder = item.terms
      .filter((t) => t.domain === 'category' || (settings.tagsAsTopics && t.domain === 'post_tag'))
      .map((t) => t.slug)
      .sort((a, b) => Number(b === primary) - Number(a === primary));
    return [...new Set(slugsInOrder.map((s) => topicPlan.topicOf.get(s)).filter((t): t is string => !!t))];
  };

  const published = new Map<number, string>();
  for (const d of drafts) {
    d.findings.push(...(collisions.get(String(d.item.id)) ?? []));
    if (topicsOf(d.item).length === 0) d.findings.push(finding('topic-missing', true));
    if (review.reviewer === null) d.findings.push(finding('review-missing', true));
    const blocked = d.findings.some((f) => BLOCKS_PUBLISHING.has(f.code));
    if (d.publishFromWordPress && !blocked) published.set(d.item.id, d.slug);
  }

  // Second pass: the files, with links only to posts that will be built.
  const files = new Map<string, Uint8Array | string>();
  const entries: PlannedEntry[] = [...failedPosts];
  let done = failedPosts.length;
  if (done > 0) progress(done);
  for (const d of drafts) {
    const { item, slug } = d;
    unresolved.delete(item.id);
    const body = convert(item, published);
    const seo = seoOf.get(item.id)!;
    const findings = [...d.findings, ...body.findings];
    if (unresolved.has(item.id)) findings.push(finding('link-unresolved', true));
    const hero = featuredImage(item, attachments);
    let heroField: ArticleFrontmatter['hero'];
    if (hero) {
      const image = images.resolve(hero.url);
      if (!image) findings.push(finding('hero-missing', true));
      else if (!hero.alt.trim()) findings.push(finding('hero-alt-missing', true));
      else heroField = { image, alt: hero.alt.trim() };
    }
    const isDraft = !published.has(item.id);
    const topics = topicsOf(item);
    const frontmatter: ArticleFrontmatter = {
      title: seo.title,
      ...(seo.seoTitle ? { seoTitle: seo.seoTitle } : {}),
      description: seo.description,
      publishedAt: day(item.publishedAt) || day(settings.now.toISOString()),
      author: peoplePlan.personOf.get(item.creator) ?? 'editorial-team',
      ...(review.reviewer ? { reviewer: review.reviewer, reviewedAt: review.reviewedAt } : {}),
      topics,
      ...(heroField ? { hero: heroField } : {}),
      draft: isDraft,
      ...(seo.noindex ? { noindex: true } : {}),
    };
    const path = `${ARTICLES_DIR}/${slug}.${body.format}`;
    const file = articleFile(frontmatter, body.body);
    const problem = await checkBody(body.body, body.format);
    const entry: PlannedEntry = {
      kind: 'article',
      id: String(item.id),
      path,
      oldUrl: pathOf(item.link),
      draft: isDraft,
      findings,
    };
    if (problem) {
      entry.failed = true;
      delete entry.path;
      findings.push(finding('mdx-error', true, `${problem.line + file.bodyLine - 1}:${problem.column}`));
    } else {
      files.set(path, file.text);
    }
    entries.push(entry);
    progress(++done);
  }

  const addEntry = (kind: 'topic' | 'person', id: string, path: string, text: string, found?: Finding[]) => {
    files.set(path, text);
    entries.push({ kind, id, path, findings: found ?? [] });
  };
  for (const topic of topicPlan.topics)
    addEntry('topic', topic.id, topicPath(topic.id), topicYaml(topic), topicPlan.findings.get(topic.id));
  for (const person of peoplePlan.people)
    addEntry(
      'person',
      person.id,
      personPath(person.id),
      personYaml(person),
      peoplePlan.findings.get(person.id),
    );
  for (const copy of images.copies()) {
    files.set(copy.to, readFileSync(copy.from));
    entries.push({ kind: 'image', id: copy.to, path: copy.to, findings: [] });
  }

  // Redirects lead only to pages the build makes: published posts, topics they use.
  const builtTopics = new Set(
    drafts.filter((d) => published.has(d.item.id)).flatMap((d) => topicsOf(d.item)),
  );
  const planned = planRedirects({
    export: exp,
    slugOf: published,
    topicOf: new Map([...topicPlan.topicOf].filter(([, topic]) => builtTopics.has(topic))),
    attachmentsOf: attachmentPagesOf(exp),
    keep: project.redirects,
  });
  const redirects: LegacyRedirect[] = [
    ...planned.redirects,
    ...planned.queryRedirects.map((q) => ({ from: '/' as const, query: { [q.param]: q.value }, to: q.to })),
  ];
  if (redirects.length > 0) files.set(REDIRECTS_FILE, `${JSON.stringify(redirects, null, 2)}\n`);
  for (const r of redirects)
    entries.push({ kind: 'redirect', id: r.query ? `/?p=${r.query.p}` : r.from, findings: [] });
  if (planned.findings.length > 0)
    entries.push({ kind: 'redirect', id: 'redirects', findings: planned.findings });

  return { files, entries, skipped, redirects, itemCount: exp.items.length };
}
