import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The built main process, as Electron runs it: package.json's own `build:electron` command (into a temporary folder),
// then the bundle loaded in a child process with the recording stand-in for `electron`, once as a normal start and
// once with --demo. V8's coverage counts how often each simulator module's code ran.

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
// node_modules/.bin holds .cmd shims on Windows, which only a shell can run.
const shell = process.platform === 'win32';
const runner = path.join(import.meta.dirname, 'support', 'run-built-main.ts');

interface BuiltMainReport {
  simulatorFunctions: Array<{ name: string; runs: number }>;
  lifecycle: string[];
  paths: Record<string, string>;
}

let base: string;
let mainPath: string;

/** package.json's build:electron, word for word, except that it writes into `outdir`. */
async function buildElectron(outdir: string): Promise<void> {
  const scripts = (JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [command, ...args] = scripts['build:electron']!.split(/\s+/);
  expect(command).toBe('esbuild');
  expect(args).toContain('--outdir=dist/electron');
  const redirected = args.map((arg) => (arg === '--outdir=dist/electron' ? `--outdir=${outdir}` : arg));
  await run(path.join(root, 'node_modules', '.bin', 'esbuild'), redirected, { cwd: root, shell });
}

async function startBuiltMain(userDataDir: string, ...flags: string[]): Promise<BuiltMainReport> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', runner, mainPath, userDataDir, ...flags], { cwd: root, timeout: 120_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as BuiltMainReport;
}

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'kpd-main-bundle-'));
  await buildElectron(path.join(base, 'dist'));
  mainPath = path.join(base, 'dist', 'main.cjs');
}, 60_000);

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('the built main.cjs', () => {
  let normal: BuiltMainReport;
  let demo: BuiltMainReport;
  let normalUserData: string;
  let demoUserData: string;
  let outside: string;

  beforeAll(async () => {
    normalUserData = path.join(base, 'normal-user-data');
    demoUserData = path.join(base, 'demo-user-data');
    outside = path.join(base, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'keep.txt'), 'not the demo’s');
    // What a previous demo left, including a link to a folder that is not the demo's: cleared, never followed.
    const previousDemo = path.join(demoUserData, 'demo', 'app-data');
    await mkdir(previousDemo, { recursive: true });
    await writeFile(path.join(previousDemo, 'stale.txt'), 'from the last demo');
    await symlink(outside, path.join(previousDemo, 'link-out'), 'dir');
    await writeFile(path.join(demoUserData, 'profiles.json'), '{"real":"profiles"}');
    [normal, demo] = await Promise.all([startBuiltMain(normalUserData), startBuiltMain(demoUserData, '--demo')]);
  }, 240_000);

  it('holds the simulator in lazily-initialised wrappers that a normal start never runs', () => {
    // If esbuild stopped wrapping the simulator (a static import again), these functions would not exist.
    expect(normal.simulatorFunctions.map((fn) => fn.name)).toContain('simulator/ecs-simulator.ts');
    expect(normal.simulatorFunctions.length).toBeGreaterThan(10);
    expect(normal.simulatorFunctions.filter((fn) => fn.runs > 0)).toEqual([]);
  });

  it('evaluates the simulator in demo mode (so the count above can see it run)', () => {
    expect(demo.simulatorFunctions.find((fn) => fn.name === 'simulator/ecs-simulator.ts')?.runs).toBe(1);
  });

  it('leaves userData alone on a normal start', () => {
    expect(normal.lifecycle).not.toContain('setPath(userData)');
    expect(normal.paths).toEqual({});
  });

  it('gives the demo its own userData before the single-instance lock and before ready', () => {
    expect(demo.paths).toEqual({ userData: path.join(demoUserData, 'demo') });
    const order = demo.lifecycle;
    expect(order.indexOf('setPath(userData)')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('setPath(userData)')).toBeLessThan(order.indexOf('requestSingleInstanceLock'));
    expect(order.indexOf('requestSingleInstanceLock')).toBeLessThan(order.indexOf('whenReady'));
  });

  it("writes the demo's files only in its own folder, clears what the last demo left, and follows no link", async () => {
    const demoAppData = path.join(demoUserData, 'demo', 'app-data');
    expect((await readdir(demoAppData)).sort()).toEqual(['journal', 'profiles.json']);
    expect(JSON.parse(await readFile(path.join(demoAppData, 'profiles.json'), 'utf8'))).toMatchObject({
      profiles: [{ name: 'Demo' }, { name: 'Demo staging' }, { name: 'Demo subsidiary' }],
    });
    expect(await readFile(path.join(demoUserData, 'profiles.json'), 'utf8')).toBe('{"real":"profiles"}');
    expect(await readdir(outside)).toEqual(['keep.txt']);
  });
});
