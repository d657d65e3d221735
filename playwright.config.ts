// Browser tests against the real server with a fresh embedded database (demo city loaded on start).
// The web app must be built first (`npm run build:web`; `npm test` does this before test:browser).
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium.ts';

// LAGEBILD_E2E_PORT lets several runs share a machine (e.g. parallel development sessions).
const PORT = Number(process.env.LAGEBILD_E2E_PORT ?? 3917);
// LAGEBILD_E2E_BASE_URL runs the tests against a server that is already running (development).
const external = process.env.LAGEBILD_E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${PORT}`;
const PREFIX = 'lagebild-e2e-';

/**
 * A fresh database directory for the server under test. Playwright loads this file in every worker
 * too; the environment carries the one directory to all of them. Directories of earlier runs
 * (older than an hour, so never one in use) are removed: each holds a full demo database.
 */
function freshDbDir(): string {
  if (process.env.LAGEBILD_E2E_DB) return process.env.LAGEBILD_E2E_DB;
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    try {
      if (name.startsWith(PREFIX) && Date.now() - statSync(path).mtimeMs > 3600_000) {
        rmSync(path, { recursive: true, force: true });
      }
    } catch {
      // another run may be cleaning up at the same time
    }
  }
  return (process.env.LAGEBILD_E2E_DB = mkdtempSync(join(tmpdir(), PREFIX)));
}

export default defineConfig({
  testDir: 'e2e',
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
    baseURL,
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
  webServer: external
    ? undefined
    : {
        // known demo passwords: the tests log in as admin, planer and gast (e2e/helpers.ts)
        command: `node bin/lagebild.js serve --db ${JSON.stringify(freshDbDir())} --port ${PORT} --demo-passwords`,
        url: `${baseURL}/api/health`,
        timeout: 180_000,
        reuseExistingServer: false,
        // every test logs in afresh from one address: more than the default 10 logins a minute
        env: { LAGEBILD_LOGIN_LIMIT: '1000' },
        stdout: 'pipe',
        stderr: 'pipe',
      },
});
