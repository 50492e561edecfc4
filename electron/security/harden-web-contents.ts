import type { Event, Session, WebContents } from 'electron';

const preventDefault = (event: Event) => event.preventDefault();

/**
 * Checklist items 13 and 14: the app is a single page that never navigates, so every navigation, redirect and
 * new window is refused, and no `<webview>` may attach. Applied to every webContents as it is created.
 */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-navigate', preventDefault);
  contents.on('will-frame-navigate', preventDefault);
  contents.on('will-redirect', preventDefault);
  contents.on('will-attach-webview', preventDefault);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Checklist item 5: the app needs no camera, notification, clipboard-read, USB or any other permission, so every
 * request and every check is answered no, and downloads are refused (exports are written by main).
 */
export function denyAllPermissions(
  session: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'
  >,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
