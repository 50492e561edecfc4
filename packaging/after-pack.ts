import { existsSync } from 'node:fs';
import path from 'node:path';
import { flipFuses as flipElectronFuses } from '@electron/fuses';
import { Arch, type AfterPackContext } from 'electron-builder';
import { fuseConfigFor } from './electron-fuses';
import { stubMarkerFile } from './stub-electron';

/** What the hook needs to know about one packaged app, taken from electron-builder's context. */
export interface PackedApp {
  /** Electron's platform name: `linux`, `win32`, `darwin` or `mas`. */
  platform: string;
  arch: string;
  appOutDir: string;
  productFilename: string;
  /** The Linux executable's name. */
  executableName: string;
}

/** The file whose fuse wire is flipped; for macOS the `.app`, which `@electron/fuses` resolves to the framework. */
export function electronBinaryPath(app: PackedApp): string {
  if (app.platform === 'darwin' || app.platform === 'mas') return path.join(app.appOutDir, `${app.productFilename}.app`);
  if (app.platform === 'win32') return path.join(app.appOutDir, `${app.productFilename}.exe`);
  return path.join(app.appOutDir, app.executableName);
}

export type FlipFuses = typeof flipElectronFuses;

/**
 * Flips the fuses of `electron-fuses.ts` in the packaged binary. The stub Electron of `npm run package:check` has
 * no fuse wire, so there the flip is skipped, and said so; anywhere else a binary without one fails the build.
 */
export async function flipPackagedFuses(
  app: PackedApp,
  log: (line: string) => void,
  flipFuses: FlipFuses = flipElectronFuses,
): Promise<'flipped' | 'skipped-stub'> {
  if (existsSync(path.join(app.appOutDir, stubMarkerFile))) {
    log(`fuses: not flipped, ${app.appOutDir} holds the stub Electron of package:check (no fuse wire to flip)`);
    return 'skipped-stub';
  }
  const binary = electronBinaryPath(app);
  await flipFuses(binary, fuseConfigFor(app));
  log(`fuses: flipped in ${binary}`);
  return 'flipped';
}

/** electron-builder's afterPack hook: runs once per platform and arch, after the app is laid out, before signing. */
export async function afterPack(context: AfterPackContext): Promise<void> {
  const { packager } = context;
  await flipPackagedFuses(
    {
      platform: context.electronPlatformName,
      arch: Arch[context.arch],
      appOutDir: context.appOutDir,
      productFilename: packager.appInfo.productFilename,
      executableName: 'executableName' in packager && typeof packager.executableName === 'string' ? packager.executableName : packager.appInfo.productFilename,
    },
    (line) => console.log(`  • ${line}`),
  );
}

