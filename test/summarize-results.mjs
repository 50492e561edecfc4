// Reads what each test layer wrote under test-results/ and prints one line per layer, then every layer that skipped
// tests with the reason, just above the total, "N passed, N failed, N skipped". A layer whose report is missing (it
// crashed before writing one) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// KPD_RESULTS_DIR: another folder of reports, for the summary's own test (test/summarize-results.test.ts).
const dir = process.env.KPD_RESULTS_DIR
  ? pathToFileURL(path.resolve(process.env.KPD_RESULTS_DIR) + path.sep)
  : new URL('../test-results/', import.meta.url);
const read = (name) => {
  const file = new URL(name, dir);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};

const layers = [];

for (const line of (read('steps.jsonl') ?? '').split('\n').filter(Boolean)) {
  const step = JSON.parse(line);
  layers.push({ name: step.name, passed: step.ok ? 1 : 0, failed: step.ok ? 0 : 1, skipped: 0, note: '' });
}

const vitest = read('vitest.json');
if (vitest === undefined) layers.push({ name: 'unit + keychain (vitest)', passed: 0, failed: 1, skipped: 0, note: 'no report' });
else {
  const report = JSON.parse(vitest);
  // Vitest records no reason for a skip: name the tests instead, so a skip is never anonymous.
  const skippedNames = (report.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? []).filter((result) => ['pending', 'skipped', 'todo'].includes(result.status)).map((result) => result.fullName),
  );
  layers.push({
    name: 'unit + keychain (vitest)',
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? 1 : 0),
    skipped: report.numPendingTests + report.numTodoTests,
    note: skippedNames.length > 0 ? `skipped: ${skippedNames.join('; ')}` : '',
  });
}

for (const [file, name] of [
  ['browser-unlocked.json', 'browser (Playwright, Chromium)'],
  ['browser-locked.json', 'browser, locked keychain (Playwright, Chromium)'],
  ['e2e.json', 'electron end-to-end (Playwright)'],
]) {
  const text = read(file);
  if (text === undefined) {
    layers.push({ name, passed: 0, failed: 1, skipped: 0, note: 'no report' });
    continue;
  }
  const report = JSON.parse(text);
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
  const reasons = new Set();
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) for (const a of t.annotations ?? []) if (a.type === 'skip' && a.description) reasons.add(a.description);
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  const errors = (report.errors ?? []).length;
  layers.push({
    name,
    passed: expected,
    failed: unexpected + flaky + errors,
    skipped,
    note: skipped > 0 ? `skipped: ${[...reasons].join('; ')}` : '',
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const layer of layers) {
  passed += layer.passed;
  failed += layer.failed;
  skipped += layer.skipped;
  const skips = layer.skipped > 0 ? `, ${layer.skipped} skipped` : '';
  console.log(`  ${layer.name}: ${layer.passed} passed, ${layer.failed} failed${skips}`);
}
// A skip is never silent: each layer that skipped says so, and why, right above the total.
for (const layer of layers.filter((candidate) => candidate.skipped > 0)) {
  console.log(`skipped: ${layer.name}, ${layer.skipped} test(s): ${layer.note.replace(/^skipped: /, '') || 'no reason given'}`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
