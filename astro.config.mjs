// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { site } from './src/site.config.ts';
import { findPlaceholders, isProductionBuild, placeholderReport } from './src/lib/placeholders.ts';

// `astro build` sets NODE_ENV=production when it is unset, so the npm scripts pass the
// caller's own NODE_ENV as SITE_NODE_ENV. A bare `astro build` therefore counts as
// production and refuses placeholders: the safe side to fail on.
const production = isProductionBuild({
  CONTEXT: process.env.CONTEXT,
  NODE_ENV: process.env.SITE_NODE_ENV ?? process.env.NODE_ENV,
});

/** Refuses a production build while src/site.config.ts still holds placeholders. */
const siteGuard = {
  name: 'site-guard',
  hooks: {
    'astro:build:start': () => {
      if (!production) return;
      const found = findPlaceholders(site);
      if (found.length > 0) throw new Error(placeholderReport(found));
    },
  },
};

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [siteGuard, mdx(), sitemap()],
  server: { host: '127.0.0.1', port: 8888 },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Every .mdx module carries a directive Rolldown reports; it is harmless noise.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
