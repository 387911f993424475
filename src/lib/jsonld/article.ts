import type { Article, Thing } from 'schema-dts';
import { isoDay } from '../dates.ts';
import { absolute, pageIds, ref, siteIds } from './ids.ts';
import type { PageJsonLd } from './page.ts';
import { personNode } from './people.ts';
import { knownSpecialties } from './specialties.ts';
import type { ArticleInput, SiteInput } from './types.ts';

/**
 * An article page is a `MedicalWebPage` (who reviewed it clinically and when, what it is
 * about, who it is for) whose main entity is an `Article` (headline, dates, author,
 * publisher, image). The page image (`#primaryimage`) is added by `pageGraph`.
 */
export function articleJsonLd(site: SiteInput, article: ArticleInput): PageJsonLd {
  const origin = site.url;
  const url = absolute(origin, article.url);
  const ids = pageIds(url);
  const people = siteIds(origin);
  const modified = article.updatedAt ?? article.publishedAt;
  const specialty = knownSpecialties(site.medicalSpecialties);
  const articleNode: Article = {
    '@type': 'Article',
    '@id': ids.article,
    headline: article.title,
    description: article.description,
    url,
    datePublished: isoDay(article.publishedAt),
    dateModified: isoDay(modified),
    author: ref(people.person(article.author.id)),
    publisher: ref(people.organization),
    image: ref(ids.primaryImage),
    mainEntityOfPage: ref(ids.webpage),
    inLanguage: site.lang,
    keywords: article.topics.map((t) => t.label),
    timeRequired: `PT${article.minutes}M`,
    isAccessibleForFree: true,
    ...(article.programs.length > 0 && {
      mentions: article.programs.map((p) => ({
        '@type': 'MedicalTherapy' as const,
        name: p.title,
        url: absolute(origin, p.url),
      })),
    }),
  };
  const nodes: Thing[] = [
    articleNode,
    personNode(origin, article.author),
    personNode(origin, article.reviewer),
  ];
  return {
    type: 'MedicalWebPage',
    datePublished: article.publishedAt,
    dateModified: modified,
    webPage: {
      mainEntity: ref(ids.article),
      reviewedBy: ref(people.person(article.reviewer.id)),
      lastReviewed: isoDay(article.reviewedAt),
      about: article.topics.map((t) => ({
        '@type': 'Thing' as const,
        name: t.label,
        url: absolute(origin, t.url),
      })),
      audience: { '@type': 'MedicalAudience', audienceType: 'Patient' },
      ...(specialty.length > 0 && { specialty }),
    },
    nodes,
  };
}
