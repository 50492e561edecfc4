import type { WebPreferences } from 'electron';

/**
 * The renderer's sandbox, per Electron's security checklist: context isolation (3), sandbox (4), no Node (2), web
 * security (6), no insecure content (8), no experimental features (9), no Blink features (10), no webview (12).
 * Developer tools only when running unpackaged.
 */
export function secureWebPreferences(preloadPath: string, allowDevTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: allowDevTools,
  };
}
