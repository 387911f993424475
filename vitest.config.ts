import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // Lets unit tests load src/content.config.ts without a running Astro build.
      'astro:content': fileURLToPath(new URL('./tests/support/astro-content.ts', import.meta.url)),
    },
  },
  test: {
    include: ['tests/{unit,build,dist}/**/*.test.ts'],
    testTimeout: 60_000,
    // Build tests run whole Astro builds: two at a time is what this 2-core machine holds.
    maxWorkers: 2,
  },
});
