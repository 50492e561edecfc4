import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Arch, build, Platform } from 'electron-builder';
import { builderConfig } from '../electron-builder.config';
import { findAppAsarProblems, listAsarEntries } from './asar-contents';
import { devOnlyPackageNames, type Lockfile } from './dev-only-packages';
import { createStubElectronDist } from './stub-electron';

/**
 * `npm run package:check`: lays the app out with electron-builder exactly as `npm run dist` would (same
 * configuration, Linux `dir` target, no installer), but with a stub Electron, since the real binary cannot be
 * downloaded everywhere the tests run; then opens `app.asar` and fails unless it holds what the app needs and
 * nothing else. Expects `npm run build` to have run (the npm script does it first).
 */
const root = path.resolve(import.meta.dirname, '..');

async function main(): Promise<number> {
  const packageJson = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { main: string };
  if (!existsSync(path.join(root, packageJson.main))) {
    console.error(`package:check: ${packageJson.main} is missing; run npm run build first`);
    return 1;
  }
  const work = await mkdtemp(path.join(tmpdir(), 'kpd-package-check-'));
  try {
    const output = path.join(work, 'out');
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir', Arch[process.arch as keyof typeof Arch]),
      publish: 'never',
      config: {
        ...builderConfig,
        electronDist: await createStubElectronDist(path.join(work, 'stub-electron')),
        npmRebuild: false,
        directories: { ...builderConfig.directories, output },
      },
    });
    const unpackedDir = (await readdir(output)).find((name) => /^linux(-[a-z0-9]+)?-unpacked$/.test(name));
    if (unpackedDir === undefined) throw new Error(`electron-builder left no linux-*-unpacked folder in ${output}`);
    const asarPath = path.join(output, unpackedDir, 'resources', 'app.asar');
    const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as Lockfile;
    const problems = findAppAsarProblems(asarPath, { main: packageJson.main, devOnlyPackages: devOnlyPackageNames(lock) });

    const entries = listAsarEntries(asarPath);
    const packages = new Set(entries.map((entry) => /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(entry.path)?.[1]).filter(Boolean));
    const unpacked = entries.filter((entry) => entry.unpacked && entry.path.endsWith('.node')).map((entry) => entry.path);
    console.log(`package:check: app.asar holds ${entries.filter((entry) => entry.kind === 'file').length} files and ${packages.size} production packages`);
    console.log(`package:check: unpacked native modules: ${unpacked.join(', ') || 'none'}`);
    console.log('package:check: fuses were not flipped (stub Electron); their configuration is checked by test/packaging/after-pack.test.ts');
    if (problems.length === 0) {
      console.log('package:check: app.asar is right');
      return 0;
    }
    for (const problem of problems) console.error(`package:check: ${problem}`);
    console.error(`package:check: ${problems.length} problem(s) in app.asar`);
    return 1;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
