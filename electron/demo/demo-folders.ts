import { lstat, realpath, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where `npm run demo` keeps what it writes, inside the real app's user-data folder but apart from it:
 *
 * - `<userData>/demo` becomes Electron's `userData` in demo mode, before `ready` and before the single-instance lock.
 *   Electron keys that lock (and Chromium's session files) to `userData`, so the demo has a lock of its own: a demo
 *   never blocks the real app, nor is blocked by it.
 * - `<userData>/demo/app-data` holds the app's own files (profiles, settings, journal, window state). It is cleared
 *   at each demo start, once the demo holds its lock: clearing the whole `demo` folder would delete the lock
 *   Electron just took and the session files Chromium has open.
 */
export interface DemoFolders {
  /** Electron's `userData` in demo mode. */
  userData: string;
  /** The app's files in demo mode; the only folder the demo ever deletes. */
  appData: string;
}

export function demoFolders(realUserDataDir: string): DemoFolders {
  const userData = path.join(path.resolve(realUserDataDir), 'demo');
  return { userData, appData: path.join(userData, 'app-data') };
}

export class RefusedDemoCleanup extends Error {
  override readonly name = 'RefusedDemoCleanup';
}

/**
 * Deletes the demo's app-data folder, and refuses anything else. `target` must be exactly the demo's app-data folder
 * of `realUserDataDir`, both as written and once every symlink is resolved, and must be a real directory: a path
 * with `..` in it, a sibling, a parent, or a `demo` or `app-data` that is a link to somewhere else is refused with
 * nothing deleted. Inside the folder nothing is followed: `rm` removes a link, never what it points to.
 */
export async function clearDemoAppData(target: string, realUserDataDir: string): Promise<void> {
  const expected = demoFolders(realUserDataDir).appData;
  if (path.resolve(target) !== expected || path.normalize(target) !== expected) {
    throw new RefusedDemoCleanup(`Refusing to clear ${target}: the demo only ever clears ${expected}.`);
  }
  const entry = await lstat(target).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  });
  if (entry === undefined) return;
  if (!entry.isDirectory()) throw new RefusedDemoCleanup(`Refusing to clear ${target}: it is not a folder of its own (a link or a file).`);
  const resolved = await realpath(target);
  const resolvedExpected = demoFolders(await realpath(realUserDataDir)).appData;
  if (resolved !== resolvedExpected) {
    throw new RefusedDemoCleanup(`Refusing to clear ${target}: it leads to ${resolved}, outside the demo's own folder.`);
  }
  await rm(target, { recursive: true });
}
