import { app, ipcMain, session, type BrowserWindow } from 'electron';
import { EVENT_NAMES } from '../../shared/ipc/contract';
import type { Runtime } from '../runtime';
import type { KeyProvider } from '../secrets/store';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { APP_INDEX_URL } from './app-response';
import { hardenContents } from './contents';
import { denyAllPermissions } from './permissions';
import { safeStorageKeyProvider } from './safe-storage-key';
import { isTrustedSender } from './security';
import { createMainWindow } from './window';

export const IPC_INVOKE = 'api:invoke';
export const IPC_EVENT = 'api:event';

export interface ShellOptions {
  /** The built renderer (dist/renderer), served as `app://renderer/`. */
  readonly rendererDir: string;
  readonly preloadPath: string;
  /** Where the secret store keeps its key (sealed by the keychain, or a 0600 file). */
  readonly secretsDir: string;
  /** Builds the services once the keychain key is known (and starts their background work). */
  readonly createRuntime: (keyProvider: KeyProvider) => Runtime;
}

/** What startShell set up, for the caller (and tests) to inspect. */
export interface Shell {
  readonly runtime: Runtime;
  readonly window: () => BrowserWindow | undefined;
}

/**
 * The Electron app's lifecycle: `app://` registered before ready; after ready, permissions denied, the protocol
 * served, the keychain key read (safeStorage works only then), the services built, the IPC bridge and the window.
 * Resolves undefined when another instance already runs (this one quits).
 */
export async function startShell(opts: ShellOptions): Promise<Shell | undefined> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  registerAppScheme();
  /** Set once the window exists (after ready); handlers registered earlier read it through this. */
  const ref: { win?: BrowserWindow } = {};
  app.on('second-instance', () => {
    if (!ref.win) return;
    if (ref.win.isMinimized()) ref.win.restore();
    ref.win.focus();
  });
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, APP_INDEX_URL));
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  serveAppProtocol(opts.rendererDir);
  const runtime = opts.createRuntime(await safeStorageKeyProvider(opts.secretsDir));
  app.on('will-quit', () => void runtime.services.index.close());

  ipcMain.handle(IPC_INVOKE, async (event, message: unknown) => {
    const msg = (message ?? {}) as { channel?: unknown; request?: unknown; correlationId?: unknown };
    const frame = event.senderFrame;
    const isMainFrame = !!frame && frame === event.sender.mainFrame;
    const trusted = isTrustedSender(event.sender, frame?.url, isMainFrame, APP_INDEX_URL, ref.win?.webContents);
    return runtime.router.invoke(
      { id: `electron-${event.sender.id}`, trusted },
      String(msg.channel ?? ''),
      msg.request,
      typeof msg.correlationId === 'string' ? { correlationId: msg.correlationId } : {},
    );
  });
  for (const name of EVENT_NAMES) {
    runtime.events.on(name, (payload) => {
      if (ref.win && !ref.win.isDestroyed()) ref.win.webContents.send(IPC_EVENT, { event: name, payload });
    });
  }
  ref.win = createMainWindow(opts.preloadPath, APP_INDEX_URL);
  return { runtime, window: () => ref.win };
}
