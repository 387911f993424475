// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { site } from './src/site.config.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { findPlaceholders, isProductionBuild, placeholderReport } from './src/lib/placeholders.ts';
import { findTemplatePages, templateReport } from './src/lib/template-pages.ts';
import { findContentPlaceholders } from './src/lib/content-placeholders.ts';
import { findSampleInsurers, sampleInsurerReport } from './src/lib/sample-insurers.ts';
import { accreditationProblems } from './src/lib/accreditations.ts';
import { assertLeadDeliveryReady } from './src/leads/delivery/production-guard.ts';
import { legacyUrls } from './src/legacy-urls.ts';
import { legacyRedirects } from './src/integrations/legacy-redirects.ts';
import { seoGuards } from './src/integrations/seo-guards.ts';
import { sitemapFromBuiltPages } from './src/integrations/sitemap-pages.ts';
import { CSP_DIRECTIVES } from './src/lib/security-headers.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { hardenHtml } from './src/integrations/harden-html.ts';

// `astro build` sets NODE_ENV=production when it is unset, so the npm scripts pass the
// caller's own NODE_ENV as SITE_NODE_ENV. A bare `astro build` therefore counts as
// production and refuses placeholders: the safe side to fail on.
const production = isProductionBuild({
  CONTEXT: process.env.CONTEXT,
  NODE_ENV: process.env.SITE_NODE_ENV ?? process.env.NODE_ENV,
});

/**
 * The text of every file in a content folder whose name matches `pattern`, by its path from
 * the project root, e.g. { "src/content/pages/privacy.mdx": "---\ntitle: …" }.
 * @param {string} folder
 * @param {RegExp} pattern
 */
function contentSources(folder, pattern) {
  const dir = new URL(`./src/content/${folder}/`, import.meta.url);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => pattern.test(f));
  return Object.fromEntries(
    files.map((f) => [
      `src/content/${folder}/${f.split('\\').join('/')}`,
      readFileSync(new URL(f, dir), 'utf8'),
    ]),
  );
}

/**
 * Refuses a production build while src/site.config.ts, a location or a person still holds
 * placeholders, a content page is still a notice template (`template: true`) or an insurer
 * is a sample, naming each.
 */
const siteGuard = {
  name: 'site-guard',
  hooks: {
    'astro:build:start': () => {
      // Any build: a licence or accreditation past its date must not be shown as current.
      const today = new Date().toISOString().slice(0, 10);
      const locations = contentSources('locations', /\.json$/);
      const expired = [
        ...accreditationProblems(site.accreditations, today),
        ...Object.entries(locations).flatMap(([file, text]) =>
          accreditationProblems(JSON.parse(text).licenses ?? [], today, `${file}: licenses`),
        ),
      ];
      if (expired.length > 0) throw new Error(`Accreditations are out of date:\n  ${expired.join('\n  ')}`);
      if (!production) return;
      // The admissions phone is the main location's: it is reported with that file, once.
      const found = findPlaceholders(site).filter((p) => !p.setting.startsWith('site.admissions.phone'));
      const inContent = findContentPlaceholders({
        ...locations,
        ...contentSources('people', /\.(ya?ml|json)$/),
      });
      const templates = findTemplatePages(contentSources('pages', /\.mdx?$/));
      const samples = findSampleInsurers(contentSources('insurers', /\.ya?ml$/));
      const reports = [
        found.length > 0 ? placeholderReport(found) : '',
        inContent.length > 0 ? placeholderReport(inContent, 'the content files named') : '',
        templateReport(templates),
        sampleInsurerReport(samples),
      ];
      if (reports.some(Boolean)) throw new Error(reports.filter(Boolean).join('\n'));
      // Callback requests need a delivery channel and an encryption key in production.
      assertLeadDeliveryReady(process.env);
    },
  },
};

// The sitemap reads each built page: noindex pages (thanks, 404, later article pages) stay
// out, and lastmod comes from the page's dateModified (content update dates). Drafts are
// never built, so they cannot appear.
const builtPages = sitemapFromBuiltPages();

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // The default social image and the logo are SVGs of our own in src/assets, rasterized to
  // PNG at build time. The risk this flag names (costly SVGs sent to an on-demand image
  // endpoint) does not apply: the site is static and allows no remote images.
  // 'constrained' gives images written in Markdown (`![alt](./photo.png)`) a srcset and
  // lazy loading, as the image budget asks; components set their own widths.
  image: { dangerouslyProcessSVG: true, layout: 'constrained' },
  // Shiki colours code with inline style attributes, which the strict CSP blocks (and Astro
  // warns about on every build); Prism's classes would need a theme stylesheet on every page.
  // Code blocks stay plain <pre><code class="language-x">, styled by src/styles/global.css.
  markdown: { syntaxHighlight: false },
  integrations: [
    siteGuard,
    // Static parts of MDX compile to HTML strings instead of one JSX call per element:
    // smaller modules to bundle and less work per page, for the same HTML.
    mdx({ optimize: true }),
    builtPages.integration,
    sitemap(builtPages.options),
    // After the sitemap, so the guards can check it lists exactly the indexable pages.
    seoGuards({ origin: site.url, siteName: site.name, factsOf: builtPages.factsOf }),
    legacyRedirects(legacyUrls),
    // Outbound links get rel=noopener noreferrer; bundled scripts get integrity hashes.
    hardenHtml({ origin: site.url }),
    securityHeaders(),
  ],
  // Hashes of every script and style Astro emits, in a <meta> policy per page; the
  // security-headers integration sends their union as a header with frame-ancestors.
  security: { csp: { algorithm: 'SHA-256', directives: [...CSP_DIRECTIVES] } },
  server: { host: '127.0.0.1', port: 8888 },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // MDX content modules are bundled into chunks of about 1 MB instead of one chunk
        // each: 5,000 articles made 5,000 chunks, and their per-chunk cost (bundling, then
        // loading each as an ES module to render) was half of the bundling time.
        output: {
          codeSplitting: {
            groups: [
              { name: 'content', test: /[\\/]src[\\/]content[\\/].+\.mdx(?:\?|$)/, maxSize: 1_000_000 },
            ],
          },
        },
        onwarn(warning, warn) {
          // Every .mdx module carries a directive Rolldown reports; it is harmless noise.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
