import { defineConfig } from 'vitest/config';

// Unit and keychain tests, in Node. Browser tests (test/browser) and Electron end-to-end tests (test/e2e) are Playwright's.
//
// Three projects, by what a test needs of the OS; `vitest run` (npm test, on Linux) runs all three, and the hosted CI
// picks by name on the other systems (.github/workflows/ci.yml):
// - linux-keychain: the real libsecret and gnome-keyring, inside test/with-keychain.sh (Linux only);
// - posix: POSIX file modes (0600/0700) and signals (SIGTERM), which Windows does not have: Linux and macOS;
// - portable: everything else, on every OS.
const linuxKeychainTests = [
  'test/electron/keychain/keychain-environments.test.ts',
  'test/electron/keychain/keytar-secret-store.test.ts',
  'test/electron/credentials/secret-leak.test.ts',
  'test/electron/operations/crash-recovery.test.ts',
];
const posixTests = [
  'test/electron/inventory/inventory-cache.test.ts',
  'test/electron/inventory/inventory-service.test.ts',
  'test/electron/journal/journal-file.test.ts',
  'test/electron/storage/json-file.test.ts',
  'test/simulator/cli.test.ts',
];
const notUnitTests = ['test/browser/**', 'test/e2e/**', 'node_modules/**'];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      { extends: true, test: { name: 'portable', include: ['test/**/*.test.ts'], exclude: [...notUnitTests, ...linuxKeychainTests, ...posixTests] } },
      { extends: true, test: { name: 'posix', include: posixTests } },
      { extends: true, test: { name: 'linux-keychain', include: linuxKeychainTests } },
    ],
  },
});
