import { defineConfig } from '@playwright/test';

// The real app in a real Electron, wherever an Electron binary is installed; skipped (and said so) elsewhere.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e',
  workers: 1,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '../../test-results/e2e.json' }]],
});
