/**
 * Cross-collection rules the schemas cannot see on their own: a reference must name
 * an entry that exists, and only people allowed to review clinical content may be an
 * article's medical reviewer. Each problem names the file and the field.
 */
export interface ArticleRefs {
  id: string;
  filePath?: string | undefined;
  author: string;
  reviewer: string;
  topics: string[];
  programs: string[];
}

export interface Known {
  people: Map<string, { reviewsClinicalContent: boolean }>;
  topics: Set<string>;
  programs: Set<string>;
}

export function findReferenceProblems(articles: ArticleRefs[], known: Known): string[] {
  const problems: string[] = [];
  for (const article of articles) {
    const file = article.filePath ?? `articles/${article.id}`;
    const missing = (field: string, id: string, collection: string) =>
      problems.push(`${file}: ${field} "${id}" is not an entry in src/content/${collection}.`);

    if (!known.people.has(article.author)) missing('author', article.author, 'people');
    const reviewer = known.people.get(article.reviewer);
    if (!reviewer) missing('reviewer', article.reviewer, 'people');
    else if (!reviewer.reviewsClinicalContent) {
      problems.push(
        `${file}: reviewer "${article.reviewer}" may not review clinical content ` +
          `(reviewsClinicalContent is not true in src/content/people).`,
      );
    }
    for (const topic of article.topics) if (!known.topics.has(topic)) missing('topics', topic, 'topics');
    for (const program of article.programs) {
      if (!known.programs.has(program)) missing('programs', program, 'programs');
    }
  }
  return problems;
}
