import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The hosted CI's workflows, checked offline: @action-validator/cli (GitHub's workflow schema, in WebAssembly,
// nothing downloaded) must accept them as they are and reject a broken copy, and the workflows must still do what
// the README says they do.

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const validatorCli = path.join(root, 'node_modules', '@action-validator', 'cli', 'cli.mjs');
const workflowsDir = path.join(root, '.github', 'workflows');
const workflowFiles = ['ci.yml', 'release.yml'];

/** The validator's verdict on one file: its exit code and what it printed. */
async function validate(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [validatorCli, file]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, output: (failure.stdout ?? '') + (failure.stderr ?? '') };
  }
}

let scratch: string;
const text: Record<string, string> = {};

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'kpd-workflows-'));
  for (const file of workflowFiles) text[file] = await readFile(path.join(workflowsDir, file), 'utf8');
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A copy of a workflow with one thing broken, in a scratch folder. */
async function brokenCopy(file: string, from: string | RegExp, to: string): Promise<string> {
  const original = text[file]!;
  const broken = original.replace(from, to);
  expect(broken, `the breakage of ${file} must change it`).not.toBe(original);
  const copy = path.join(scratch, `broken-${Object.keys(text).indexOf(file)}-${Math.random().toString(36).slice(2)}.yml`);
  await writeFile(copy, broken);
  return copy;
}

describe('the workflows, validated offline', () => {
  it.each(workflowFiles)('accepts %s as it is', async (file) => {
    expect(await validate(path.join(workflowsDir, file))).toEqual({ code: 0, output: '' });
  });

  it.each([
    ['a misspelled runs-on', 'ci.yml', 'runs-on: ubuntu-latest', 'run-on: ubuntu-latest'],
    ['an event that does not exist', 'ci.yml', /^ {2}pull_request:$/m, '  pull_requests:'],
    ['a step with a misspelled key', 'ci.yml', 'run: npm ci --no-audit --no-fund', 'runn: npm ci --no-audit --no-fund'],
    ['YAML that does not parse', 'ci.yml', 'timeout-minutes: 75', 'timeout-minutes: [75'],
    ['a job that needs a job that does not exist', 'release.yml', 'needs: draft', 'needs: drafts'],
  ])('rejects a copy with %s', async (_name, file, from, to) => {
    const verdict = await validate(await brokenCopy(file, from, to));
    expect(verdict.code).not.toBe(0);
    expect(verdict.output).toContain('"errors"');
  });
});

describe('what the workflows do', () => {
  it('CI runs on every push and pull request', () => {
    expect(text['ci.yml']).toMatch(/^on:\n {2}push:\n {2}pull_request:\n/m);
  });

  it('CI on Linux downloads Electron and runs the whole npm test under xvfb-run, where a skipped Electron layer fails', () => {
    const ci = text['ci.yml']!;
    expect(ci).toContain("KPD_REQUIRE_ELECTRON: '1'");
    expect(ci).toContain('run: npm ci --no-audit --no-fund');
    expect(ci).toContain('run: node node_modules/electron/install.js');
    expect(ci).toMatch(/run: xvfb-run .* npm test$/m);
  });

  it('CI on Windows and macOS type-checks, runs the unit tests that need no Linux keychain, and the Electron layer', async () => {
    const ci = text['ci.yml']!;
    expect(ci).toContain('- os: windows-latest');
    expect(ci).toContain('- os: macos-latest');
    expect(ci).toContain('run: npx tsc --noEmit -p tsconfig.json');
    expect(ci).toContain('run: npx vitest run ${{ matrix.vitest-projects }}');
    expect(ci).toContain('run: npx playwright test --config test/e2e/playwright.config.ts');
    // The projects the matrix names are vitest's, and none of them is the Linux keychain's.
    const projects = [...ci.matchAll(/--project (\S+)/g)].map((match) => match[1]!);
    expect(new Set(projects)).toEqual(new Set(['portable', 'posix']));
    const vitestConfig = await readFile(path.join(root, 'vitest.config.ts'), 'utf8');
    for (const project of [...projects, 'linux-keychain']) expect(vitestConfig).toContain(`name: '${project}'`);
  });

  it('a version tag builds the installers on each OS and attaches them to a draft release', () => {
    const release = text['release.yml']!;
    expect(release).toMatch(/^on:\n {2}push:\n {4}tags:\n {6}- 'v\*'\n/m);
    expect(release).toContain('os: [ubuntu-latest, windows-latest, macos-latest]');
    expect(release).toContain('run: npm run dist');
    expect(release).toContain('gh release create "$TAG" --draft');
    expect(release).toContain('gh release upload "$TAG"');
  });

  it('signs and notarizes on macOS only when the secrets are set', () => {
    const release = text['release.yml']!;
    expect(release).toContain('CSC_LINK: ${{ secrets.MAC_CSC_LINK }}');
    expect(release).toContain('if [ -z "$CSC_LINK" ]; then');
    expect(release).toContain('export CSC_IDENTITY_AUTO_DISCOVERY=false');
    // Signing secrets reach the macOS build step only.
    expect(release.match(/secrets\.MAC_CSC_LINK/g)).toHaveLength(1);
  });
});
