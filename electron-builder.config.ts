import type { Configuration } from 'electron-builder';
import { appId, productName } from './electron/app-identity';
import { afterPack } from './packaging/after-pack';

/**
 * Who publishes the app, as the installers show it (the .deb maintainer, the Windows publisher). A .deb must name a
 * maintainer with an e-mail address and a homepage; these are placeholders (the reserved `.invalid` domain) until
 * the project has public ones: replace them before a release.
 */
const publisher = {
  author: { name: 'KeyPair Desk maintainers', email: 'maintainers@keypair-desk.invalid' },
  homepage: 'https://keypair-desk.invalid/',
};

/**
 * electron-builder's configuration for `npm run dist` (installers for the OS it runs on) and, with a stub Electron,
 * for `npm run package:check`. The app is the built `dist/` plus the production dependencies (keytar only); the
 * renderer's libraries are bundled into `dist/renderer` by Vite.
 */
export const builderConfig: Configuration = {
  appId,
  productName,
  copyright: `Copyright © ${new Date().getFullYear()} ${productName}`,
  // Written into the packaged package.json. Electron on Linux names the window after desktopName, so the desktop
  // links the running window to the installed .desktop entry (linux.syncDesktopName names that file alike).
  extraMetadata: { ...publisher, desktopName: 'keypair-desk.desktop' },
  artifactName: '${name}-${version}-${os}-${arch}.${ext}',
  directories: { output: 'release', buildResources: 'build' },
  files: ['package.json', 'dist/electron/**/*', 'dist/renderer/**/*', '!**/*.map', '!**/*.{ts,tsx,mts,cts}'],
  asar: true,
  // A native module cannot be loaded from inside an archive: keytar's .node file lives in app.asar.unpacked.
  asarUnpack: ['node_modules/keytar/build/Release/*.node'],
  // keytar is a Node-API module: the build `npm ci` made on this OS, for this CPU, loads in Electron as it is, so
  // nothing is recompiled against Electron's headers. This is also why each OS builds its own installers.
  npmRebuild: false,
  afterPack,
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/icons',
    category: 'Utility',
    executableName: 'keypair-desk',
    syncDesktopName: true,
    synopsis: 'Detach SSH key pairs from Volcengine ECS instances',
    // electron-builder's default deb dependencies already include libsecret-1-0, which keytar needs at run time.
  },
  win: {
    target: 'nsis',
    icon: 'build/icon.ico',
  },
  nsis: {
    // One click, for the current user only: installs under %LOCALAPPDATA%\Programs and never asks for admin rights.
    oneClick: true,
    perMachine: false,
    // elevate.exe is only needed by per-machine installs.
    packElevateHelper: false,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: productName,
    // Uninstalling keeps the user's profiles and settings; their secrets stay in the Credential Manager anyway.
    deleteAppDataOnUninstall: false,
  },
  mac: {
    target: 'dmg',
    icon: 'build/icon.icns',
    category: 'public.app-category.developer-tools',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },
  dmg: { title: productName },
};

export default builderConfig;
