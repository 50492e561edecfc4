import { defineConfig } from 'vitest/config';

// Unit and keychain tests, in Node. Browser tests are Playwright's (test/browser), Electron's own test/electron.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'test/electron/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
