// Crawlers may read every page (noindex pages must be crawled to see their noindex); the sitemap lists what to index.
import type { APIRoute } from 'astro';
import { site } from '../site.config.ts';

export const GET: APIRoute = ({ site: origin }) => {
  const sitemap = new URL('/sitemap-index.xml', origin ?? site.url).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
