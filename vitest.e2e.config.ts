import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built site (dist/) served locally and driven in Debian's Chromium, through
 * the one browser fixture, src/test/browser/browser.ts.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
