import type { Event, Session, WebContents } from 'electron';
import { originOf } from './origin-of';

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

/** The one permission the UI uses: writing text to the clipboard (copy an instance ID, the request IDs). */
const allowedPermission = 'clipboard-sanitized-write';

/**
 * Checklist item 5: the app needs no camera, notification, clipboard-read, USB or any other permission, so every
 * request and every check is answered no, except writing plain text to the clipboard from the app's own origin;
 * and downloads are refused (exports are written by main).
 */
export function denyAllPermissions(
  session: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'
  >,
  appOrigin: string,
): void {
  const fromApp = (url: string | undefined) => url !== undefined && originOf(url) === appOrigin;
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permission === allowedPermission && fromApp(details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permission === allowedPermission && fromApp(requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
