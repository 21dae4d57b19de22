import type { Session } from 'electron';

/** The app needs no browser permission (camera, notifications, clipboard, …): every check and request is denied. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionCheckHandler(() => false);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}
