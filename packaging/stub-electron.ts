import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A file only the stub carries. electron-builder copies the whole `electronDist` folder into the packaged app, so
 * the afterPack hook finds it beside the executable and knows there is no real Electron binary to flip fuses in.
 */
export const stubMarkerFile = 'KEYPAIR-DESK-STUB-ELECTRON.txt';

/**
 * Writes the smallest unpacked "Electron distribution" electron-builder's Linux `dir` target accepts, so
 * `npm run package:check` can lay out and inspect the app on a machine where the real binary cannot be downloaded.
 * electron-builder renames `electron` to the app's executable and writes `resources/app.asar` beside it; nothing
 * else is required. The executable only says what it is.
 */
export async function createStubElectronDist(dir: string): Promise<string> {
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  const executable = path.join(dir, 'electron');
  await writeFile(executable, '#!/bin/sh\necho "This is the stub Electron of npm run package:check, not an app." >&2\nexit 1\n');
  await chmod(executable, 0o755);
  await writeFile(
    path.join(dir, stubMarkerFile),
    'Written by packaging/stub-electron.ts for npm run package:check. A real build never contains this file.\n',
  );
  return dir;
}
