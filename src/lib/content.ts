/**
 * Loads every collection once per build and joins the references, so pages receive
 * ready data and a build of thousands of pages does not re-read content per page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { findReferenceProblems } from './integrity.ts';
import { createRelatedFinder } from './related.ts';
import { findReviewProblems } from './seo/review.ts';
import { assertUniqueSlugs, slugFromId } from './slugs.ts';
import { articleUrl, locationUrl, programUrl, topicUrl } from './urls.ts';
import { site } from '../site.config.ts';

export type Person = CollectionEntry<'people'>['data'] & { id: string };
export type Topic = CollectionEntry<'topics'>['data'] & { id: string; url: string };
export type Program = CollectionEntry<'programs'>['data'] & {
  id: string;
  slug: string;
  url: string;
  entry: CollectionEntry<'programs'>;
};
export type Location = Omit<CollectionEntry<'locations'>['data'], 'programs'> & {
  id: string;
  slug: string;
  url: string;
  /** The programs offered there, in their configured order. */
  programs: Program[];
};
export type Article = Omit<
  CollectionEntry<'articles'>['data'],
  'author' | 'reviewer' | 'reviewedAt' | 'topics' | 'programs' | 'readingMinutes'
> & {
  reviewedAt: Date;
  id: string;
  slug: string;
  url: string;
  minutes: number;
  author: Person;
  reviewer: Person;
  topics: Topic[];
  programs: Program[];
  entry: CollectionEntry<'articles'>;
};

export interface SiteContent {
  /** Published articles, newest first. */
  articles: Article[];
  /** Programs in their configured order. */
  programs: Program[];
  /** Topics that at least one published article uses. */
  topics: Topic[];
  /** Places where care happens, in their configured order. */
  locations: Location[];
  articlesByTopic: (topicId: string) => Article[];
  relatedArticles: (article: Article, limit?: number) => Article[];
}

let cached: Promise<SiteContent> | undefined;

export function loadContent(): Promise<SiteContent> {
  cached ??= load();
  return cached;
}

/**
 * A published entry with its review: the schema refuses a published article without a
 * reviewer or review date, so a missing one here means the schema rule was bypassed.
 */
function withReview(entry: CollectionEntry<'articles'>) {
  const { reviewer, reviewedAt } = entry.data;
  if (!reviewer || !reviewedAt)
    throw new Error(`${entry.filePath ?? entry.id}: a published article needs its review.`);
  return { ...entry, data: { ...entry.data, reviewer, reviewedAt } };
}

/** Counted by the articles loader (src/content.config.ts) when the entry was stored. */
function minutesOf(entry: CollectionEntry<'articles'>): number {
  const minutes = entry.data.readingMinutes;
  if (minutes === undefined) throw new Error(`${entry.filePath ?? entry.id}: reading time was not counted.`);
  return minutes;
}

async function load(): Promise<SiteContent> {
  const [peopleEntries, topicEntries, programEntries, allArticles, locationEntries] = await Promise.all([
    getCollection('people'),
    getCollection('topics'),
    getCollection('programs'),
    getCollection('articles'),
    getCollection('locations'),
  ]);
  const articleEntries = allArticles.filter((entry) => !entry.data.draft).map(withReview);
  assertUniqueSlugs(articleEntries);
  assertUniqueSlugs(programEntries);

  const people = new Map(peopleEntries.map((p) => [p.id, { ...p.data, id: p.id }]));
  const topics = new Map(
    topicEntries.map((t) => [t.id, { ...t.data, id: t.id, url: topicUrl(slugFromId(t.id)) }]),
  );
  const programs = new Map(
    programEntries.map((entry) => {
      const slug = slugFromId(entry.id);
      return [entry.id, { ...entry.data, id: entry.id, slug, url: programUrl(slug), entry }];
    }),
  );

  const programList = [...programs.values()].sort(
    (a, b) => a.order - b.order || a.title.localeCompare(b.title),
  );
  const locations: Location[] = locationEntries
    .map((entry) => {
      const slug = slugFromId(entry.id);
      const offered = new Set(entry.data.programs.map((p) => p.id));
      const missing = [...offered].filter((id) => !programs.has(id));
      if (missing.length > 0)
        throw new Error(`${entry.filePath ?? entry.id}: programs has no program "${missing.join('", "')}".`);
      const inOrder = programList.filter((p) => offered.has(p.id));
      return { ...entry.data, id: entry.id, slug, url: locationUrl(slug), programs: inOrder };
    })
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));

  const problems = findReferenceProblems(
    articleEntries.map((a) => ({
      id: a.id,
      filePath: a.filePath,
      author: a.data.author.id,
      reviewer: a.data.reviewer.id,
      topics: a.data.topics.map((t) => t.id),
      programs: a.data.programs.map((p) => p.id),
    })),
    { people, topics: new Set(topics.keys()), programs: new Set(programs.keys()) },
  );
  if (problems.length > 0) throw new Error(`Content references are broken:\n  ${problems.join('\n  ')}`);

  // Health information must be reviewed recently, by someone qualified to review it.
  const reviewProblems = findReviewProblems(
    articleEntries.map((a) => ({
      file: a.filePath ?? `articles/${a.id}`,
      reviewedAt: a.data.reviewedAt,
      reviewer: a.data.reviewer.id,
    })),
    new Map(
      peopleEntries.map((p) => [
        p.id,
        { file: p.filePath ?? `people/${p.id}`, credentials: p.data.credentials },
      ]),
    ),
    site.review,
    new Date(),
  );
  if (reviewProblems.length > 0) {
    throw new Error(`Clinical review rules are broken:\n  ${reviewProblems.join('\n  ')}`);
  }

  const articles: Article[] = articleEntries
    .map((entry) => {
      const slug = slugFromId(entry.id);
      const { readingMinutes: _counted, ...data } = entry.data;
      return {
        ...data,
        id: entry.id,
        slug,
        url: articleUrl(slug),
        minutes: minutesOf(entry),
        author: people.get(data.author.id)!,
        reviewer: people.get(data.reviewer.id)!,
        topics: data.topics.map((t) => topics.get(t.id)!),
        programs: data.programs.map((p) => programs.get(p.id)!),
        entry,
      };
    })
    .sort((a, b) => +b.publishedAt - +a.publishedAt);

  const byTopic = new Map<string, Article[]>();
  for (const article of articles) {
    for (const topic of article.topics) {
      const list = byTopic.get(topic.id);
      if (list) list.push(article);
      else byTopic.set(topic.id, [article]);
    }
  }

  return {
    articles,
    programs: programList,
    locations,
    topics: [...topics.values()].filter((t) => byTopic.has(t.id)),
    articlesByTopic: (topicId) => byTopic.get(topicId) ?? [],
    relatedArticles: createRelatedFinder(articles, (a) => a.topics.map((t) => t.id)),
  };
}
