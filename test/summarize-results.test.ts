import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// npm test's last lines, from reports written the way each runner writes them: the total is honest, and no skip
// and no missing report goes unsaid.
const run = promisify(execFile);
const summarizer = path.join(import.meta.dirname, 'summarize-results.mjs');
let dir: string;

async function summarize(): Promise<{ lines: string[]; exitCode: number }> {
  try {
    const { stdout } = await run(process.execPath, [summarizer], { env: { ...process.env, KPD_RESULTS_DIR: dir } });
    return { lines: stdout.trimEnd().split('\n'), exitCode: 0 };
  } catch (error) {
    const failure = error as { code: number; stdout: string };
    return { lines: failure.stdout.trimEnd().split('\n'), exitCode: failure.code };
  }
}

const write = (name: string, value: unknown) => writeFile(path.join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));

/** A Playwright JSON report: its totals, and one test per skip reason. */
function playwrightReport(stats: { expected: number; unexpected?: number; skipped?: number }, skipReason?: string) {
  const annotations = skipReason === undefined ? [] : [{ type: 'skip', description: skipReason }];
  return { stats, suites: [{ specs: [{ tests: [{ annotations }] }], suites: [] }], errors: [] };
}

function vitestReport(passed: number, failed: number, skippedNames: string[]) {
  return {
    numPassedTests: passed,
    numFailedTests: failed,
    numFailedTestSuites: 0,
    numPendingTests: skippedNames.length,
    numTodoTests: 0,
    testResults: [{ assertionResults: skippedNames.map((fullName) => ({ status: 'skipped', fullName })) }],
  };
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kpd-summary-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("npm test's summary", () => {
  it('ends with the total, each skipping layer named just above it with its reason, and exits 0 when nothing failed', async () => {
    await write('steps.jsonl', '{"name":"typecheck","ok":true}\n{"name":"lint","ok":true}\n');
    await write('vitest.json', vitestReport(10, 0, ['keychain > works on a Tuesday']));
    await write('browser-unlocked.json', playwrightReport({ expected: 5 }));
    await write('browser-locked.json', playwrightReport({ expected: 1 }));
    await write('e2e.json', playwrightReport({ expected: 0, skipped: 2 }, 'no Electron binary is installed here'));
    const { lines, exitCode } = await summarize();
    expect(lines.slice(-3)).toEqual([
      'skipped: unit + keychain (vitest), 1 test(s): keychain > works on a Tuesday',
      'skipped: electron end-to-end (Playwright), 2 test(s): no Electron binary is installed here',
      '18 passed, 0 failed, 3 skipped',
    ]);
    expect(exitCode).toBe(0);
  });

  it('counts a failed step, a failed test and a layer with no report as failures, and exits non-zero', async () => {
    await write('steps.jsonl', '{"name":"typecheck","ok":false}\n');
    await write('vitest.json', vitestReport(3, 1, []));
    await write('browser-unlocked.json', playwrightReport({ expected: 2, unexpected: 1 }));
    await write('browser-locked.json', playwrightReport({ expected: 1 }));
    // No e2e.json: the layer crashed before writing one.
    const { lines, exitCode } = await summarize();
    expect(lines).toContain('  electron end-to-end (Playwright): 0 passed, 1 failed');
    expect(lines.at(-1)).toBe('6 passed, 4 failed, 0 skipped');
    expect(exitCode).toBe(1);
  });
});
