/**
 * Addresses of the old WordPress site and the pages that replace them. The build writes
 * them into dist/_redirects as 301s and fails if a target is not a built page.
 *
 * These follow WordPress's usual shapes (/blog/<slug>/, /<slug>/, /category/<name>/,
 * /feed/). Before launch, check them against the old site's sitemap or server logs and
 * add any old address that still gets visits.
 */
import { readRedirectFile, type LegacyRedirect } from './lib/seo/redirects.ts';
import { articleUrl, pageUrl, topicUrl } from './lib/urls.ts';

export const handWrittenUrls: readonly LegacyRedirect[] = [
  { from: '/blog/', to: '/articles/' },
  { from: '/blog/iop-vs-outpatient/', to: articleUrl('iop-vs-outpatient') },
  { from: '/iop-vs-outpatient/', to: articleUrl('iop-vs-outpatient') },
  { from: '/category/treatment-options/', to: topicUrl('treatment-options') },
  { from: '/category/addiction-recovery/', to: topicUrl('addiction-recovery') },
  { from: '/category/mental-health/', to: topicUrl('mental-health') },
  { from: '/privacy-policy/', to: pageUrl('privacy') },
  { from: '/contact/', to: '/callback/' },
  { from: '/feed/', to: '/rss.xml' },
];

/** Hand-written first, then those `npm run import:wordpress` wrote (none before an import). */
export const legacyUrls: readonly LegacyRedirect[] = [
  ...handWrittenUrls,
  ...readRedirectFile(new URL('./legacy-urls.wordpress.json', import.meta.url)),
];
