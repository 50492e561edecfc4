import { existsSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from './find-electron';

const root = path.resolve(import.meta.dirname, '../..');
const electronBinary = findElectronBinary();

/**
 * Why the Electron tests cannot run on this machine, in plain words; undefined when they can. Where
 * KPD_REQUIRE_ELECTRON=1 (the hosted CI, which downloads Electron), a reason to skip is an error instead: there a
 * skipped Electron layer would be a broken run that looks like a green one.
 */
export function electronSkipReason(): string | undefined {
  const reason = whyElectronCannotRun();
  if (reason !== undefined && process.env.KPD_REQUIRE_ELECTRON === '1') {
    throw new Error(`KPD_REQUIRE_ELECTRON=1, but the Electron layer cannot run: ${reason}`);
  }
  return reason;
}

function whyElectronCannotRun(): string | undefined {
  if (electronBinary === undefined) {
    // Say what did not run, and where it does; nothing else covers the real preload, ipcMain or app://.
    return (
      'no Electron binary is installed here (node_modules/electron/dist is missing and cannot be downloaded), so ' +
      'nothing of the real Electron ran: not a window, the preload, ipcMain and its sender check, or the app:// ' +
      'handler. This layer runs in the hosted CI (.github/workflows/ci.yml), or here after `node node_modules/electron/install.js`.'
    );
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'Electron needs a display and there is none (no DISPLAY or WAYLAND_DISPLAY): run it under xvfb-run (xvfb-run npm test).';
  }
  return undefined;
}

/**
 * Starts the built app (package.json's main, dist/electron/main.cjs) in the real Electron, with a user-data folder of
 * its own, in English. Inside test/with-keychain.sh its keychain is the private one of the test run.
 */
export async function launchBuiltApp(userDataDir: string): Promise<ElectronApplication> {
  if (!existsSync(path.join(root, 'dist', 'electron', 'main.cjs'))) throw new Error('The app is not built: run npm run build first.');
  // Chromium refuses to start as root with its sandbox on (a root CI container); the renderer's own isolation
  // (context isolation, no Node) is unaffected and is what app-launch.spec.ts checks.
  const asRoot = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  return electron.launch({
    executablePath: electronBinary,
    args: [...asRoot, root, `--user-data-dir=${userDataDir}`],
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
}
