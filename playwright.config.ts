import { rmSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { E2E_LEAD_KEY, E2E_PORT as PORT, E2E_STATE_DIR } from './tests/e2e/support/server-env.ts';
import {
  E2E_ADMISSIONS_EMAIL,
  E2E_SMTP_URL,
  E2E_WEBHOOK_SECRET,
  E2E_WEBHOOK_URL,
} from './tests/e2e/support/webhook.ts';

// A fresh lead store per run; workers load this file too, so only the main process clears it.
if (!process.env['TEST_WORKER_INDEX']) rmSync(E2E_STATE_DIR, { recursive: true, force: true });

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  reporter: process.env['CI'] ? 'line' : 'list',
  // A function call under @netlify/dev builds the function first: about a second each.
  expect: { timeout: 15_000 },
  // The load run has the server to itself, after the other tests, so it slows nobody down.
  projects: [
    { name: 'site', testIgnore: /load\.spec\.ts/ },
    { name: 'load', testMatch: /load\.spec\.ts/, dependencies: ['site'] },
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      // Debian's Chromium: no browser can be downloaded on these machines.
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // The same server as `npm start`: static site, netlify.toml rules and the functions.
  webServer: {
    command: 'node scripts/serve.ts',
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(PORT),
      LEAD_DEV_STATE_DIR: E2E_STATE_DIR,
      LEAD_ENCRYPTION_KEY: E2E_LEAD_KEY,
      // The browser tests send many requests from one address; the limit has its own unit tests.
      CALLBACK_RATE_LIMIT: '100000',
      // tests/e2e/delivery.spec.ts runs a receiver and an SMTP server there; while it does
      // not, leads fail to deliver and wait for a retry.
      ADMISSIONS_WEBHOOK_URL: E2E_WEBHOOK_URL,
      ADMISSIONS_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
      SMTP_URL: E2E_SMTP_URL,
      ADMISSIONS_EMAIL: E2E_ADMISSIONS_EMAIL,
    },
  },
});
