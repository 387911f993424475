// The articles as an RSS feed, newest first; linked from every page's head.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadContent } from '../lib/content.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = async (context) => {
  const { articles } = await loadContent();
  return rss({
    title: `${site.name}: articles`,
    description:
      'Clinically reviewed articles on addiction, mental health and treatment options, in plain language.',
    site: context.site ?? site.url,
    trailingSlash: true,
    customData: `<language>${site.lang}</language>`,
    items: articles.map((article) => ({
      title: article.title,
      description: article.description,
      link: article.url,
      pubDate: article.publishedAt,
      categories: article.topics.map((t) => t.label),
    })),
  });
};
