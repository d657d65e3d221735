// Browser tests against the real server. Every spec file has a server of its own on a fresh
// database: a copy of the demo city built once per run (e2e/global-setup.ts, e2e/server.ts), or an
// empty one for the Einrichtung.
// The web app must be built first (`npm run build:web`; `npm test` does this before test:browser).
// LAGEBILD_E2E_PORT: the servers listen on free ports from this one up to 39 above it (default
// 3917), so that several runs can share a machine.
// LAGEBILD_E2E_BASE_URL (a development shortcut): the files that need the demo city run against
// the server already running there instead, all against the same one – they then see each
// other's changes, and a spec that passes alone may fail after another.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium.ts';

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // generous: the tests must pass on a busy machine (a load of 8 on 2 cores), and waiting longer
  // costs time only when something is wrong
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    // e2e/server.ts sets each file's own server
    baseURL: process.env.LAGEBILD_E2E_BASE_URL,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: chromiumLaunchOptions,
      },
    },
    // The README screenshot (docs/atlas.png, a tracked file) only when asked: `npm run screenshot`.
    // Defined only then, so that a plain `playwright test` never rewrites it.
    ...(process.env.LAGEBILD_README_SCREENSHOT
      ? [
          {
            name: 'readme-screenshot',
            testMatch: 'readme-screenshot.ts',
            use: { browserName: 'chromium' as const, launchOptions: chromiumLaunchOptions },
          },
        ]
      : []),
  ],
});
