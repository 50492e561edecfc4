import { defineConfig } from '@playwright/test';

// The built renderer in Debian's Chromium, bridged to the real main-process core (see support/app-fixture.ts).
// Never downloads a browser: the executable is the system's.
//
// Two projects, each run in its own private keychain by `npm run test:browser`: `unlocked` for almost everything,
// `locked` (inside KEYCHAIN_LOCKED=1 test/with-keychain.sh) for what the app says when the keychain is locked. They
// cannot share one process: libsecret keeps its session with the keyring daemon for the life of the process.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/browser',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // A 2-core machine loading thousands of instances through the bridge: patience, not flakiness.
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: `../../test-results/browser-${process.env.KEYCHAIN_LOCKED === '1' ? 'locked' : 'unlocked'}.json` }]],
  projects: [
    { name: 'unlocked', testIgnore: '**/locked-keychain.spec.ts' },
    { name: 'locked', testMatch: '**/locked-keychain.spec.ts' },
  ],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
});
