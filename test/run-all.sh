#!/usr/bin/env bash
# `npm test`: the static checks, the build, then every test layer, each in a fresh private keychain
# (test/with-keychain.sh). A failing step does not stop the others, so one run shows everything that is wrong;
# the last line is the total, "N passed, N failed, N skipped", and the exit code is non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

rm -rf test-results
mkdir -p test-results test/artifacts/screenshots

record() { # record <name> <command...>: runs it and notes whether it passed (for the summary)
  local name=$1
  shift
  echo "── ${name}"
  if "$@"; then ok=true; else ok=false; fi
  printf '{"name":"%s","ok":%s}\n' "$name" "$ok" >>test-results/steps.jsonl
}

record typecheck npx tsc --noEmit -p tsconfig.json
record lint npx eslint --max-warnings 0 .
# Every exported value is used somewhere (knip.json names the entry points): an export nothing reads is dead code.
record unused-exports npx knip --include exports --no-progress --no-config-hints
record build npm run --silent build
# package:check without its own build (the step above made it): the app laid out by electron-builder, app.asar checked.
record package-check npx tsx packaging/check-package.ts
record audit-electron npm run --silent audit:electron

echo "── unit + keychain (vitest)"
test/with-keychain.sh npx vitest run
echo "── browser (Playwright, Chromium)"
test/with-keychain.sh npx playwright test --config test/browser/playwright.config.ts --project unlocked
echo "── browser, locked keychain (Playwright, Chromium)"
KEYCHAIN_LOCKED=1 test/with-keychain.sh npx playwright test --config test/browser/playwright.config.ts --project locked
echo "── electron end-to-end (Playwright)"
test/with-keychain.sh npx playwright test --config test/e2e/playwright.config.ts

echo "── summary"
node test/summarize-results.mjs
