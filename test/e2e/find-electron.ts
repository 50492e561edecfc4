import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The Electron executable, if one is installed; undefined otherwise. It must not `require('electron')`: since
 * Electron 42 that starts a download when the binary is missing, which on a machine without internet hangs or throws.
 */
export function findElectronBinary(): string | undefined {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidates = [
    override === undefined ? undefined : path.join(override, relative ?? 'electron'),
    relative === undefined ? undefined : path.join(packageDir, 'dist', relative),
  ];
  return candidates.find((candidate): candidate is string => candidate !== undefined && existsSync(candidate));
}
