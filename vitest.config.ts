import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // generous: a fresh clone's suite must pass on a busy 2-core machine (load 8) too; speed is
    // measured by npm run bench, never by a test's timeout
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // PGlite instances are memory-hungry; two workers fit this 2-core machine.
    maxWorkers: 2,
    env: { TZ: 'UTC' },
  },
});
