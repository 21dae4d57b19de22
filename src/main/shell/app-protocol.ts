import { protocol } from 'electron';
import { APP_SCHEME, appResponse } from './app-response';

/** Registers `app://` as a standard, secure scheme. Electron allows this only before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves `app://renderer/…` from the built renderer folder (after ready). */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererDir, request.url));
}
