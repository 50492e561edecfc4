import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/**
 * The fuses flipped in the packaged Electron binary (Electron's security checklist item 19). Every fuse of the
 * wire is named, and `strictlyRequireAllFuses` makes packaging fail when an Electron upgrade adds one nobody has
 * decided on yet.
 */
export const fuseSettings: Readonly<Record<FuseV1Options, boolean>> = {
  // The binary cannot be started as a plain Node.js (ELECTRON_RUN_AS_NODE), a classic way to run code as the app.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and local storage on disk are encrypted with a key from the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload any script into main.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger into main, where the secrets are.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar must match the hash electron-builder embeds at packaging time (macOS and Windows check it).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded, never a loose `app` folder someone drops beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Electron's default: one V8 snapshot for every process.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The UI is served from app://, never file:, so file: needs none of its legacy privileges (checklist item 18).
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default: WebAssembly bounds checks through trap handlers.
  [FuseV1Options.WasmTrapHandlers]: true,
};

/**
 * The configuration handed to `flipFuses` for one packaged binary. Flipping a fuse edits the binary, which breaks
 * the ad-hoc signature an arm64 macOS binary must carry, so that one is re-signed ad hoc (the real signature comes
 * after, when electron-builder signs the app).
 */
export function fuseConfigFor(target: { platform: string; arch: string }): FuseV1Config {
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    resetAdHocDarwinSignature: target.platform === 'darwin' && target.arch === 'arm64',
    ...fuseSettings,
  };
}
