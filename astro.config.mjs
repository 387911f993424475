// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { site } from './src/site.config.ts';
import { findPlaceholders, isProductionBuild, placeholderReport } from './src/lib/placeholders.ts';

// Read before Astro or Vite touch NODE_ENV: only the caller's environment decides.
const production = isProductionBuild(process.env);

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
  preview: { host: '127.0.0.1', port: 8888 },
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
