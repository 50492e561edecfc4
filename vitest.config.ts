import { defineConfig } from 'vitest/config';

// Unit and keychain tests, in Node. Browser tests (test/browser) and Electron end-to-end tests (test/e2e) are Playwright's.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'test/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
