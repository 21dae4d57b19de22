import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import pkg from '../../../package.json';
import { EVENT_NAMES } from '../../shared/ipc/contract';
import { startHistoryBackground } from '../history/background';
import { createRuntime } from '../runtime';
import { isTrustedSender } from './security';
import { safeStorageKeyProvider } from './safe-storage-key';
import { makePaths, resolveHome } from '../workspace/paths';

/** The only Electron-specific code: lifecycle, the window, and the IPC bridge to the shared router. */
const IPC_INVOKE = 'api:invoke';
const IPC_EVENT = 'api:event';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | undefined;
  const appRoot = app.getAppPath();
  const assetsDir = app.isPackaged ? path.join(process.resourcesPath, 'assets') : path.join(appRoot, 'assets');
  const indexFile = path.join(appRoot, 'dist', 'renderer', 'index.html');
  const indexUrl = pathToFileURL(indexFile).href;
  const runtime = createRuntime({
    host: 'electron',
    version: pkg.version,
    assetsDir,
    keyProvider: safeStorageKeyProvider(makePaths(resolveHome()).secrets),
  });
  startHistoryBackground(runtime.services);

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (/^https:\/\/(github\.com|docs\.anthropic\.com|modelcontextprotocol\.io)\//.test(url))
        void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (url.split('#')[0] !== indexUrl) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  ipcMain.handle(IPC_INVOKE, async (event, message: unknown) => {
    const msg = (message ?? {}) as { channel?: unknown; request?: unknown; correlationId?: unknown };
    const frame = event.senderFrame;
    const trusted = isTrustedSender(
      event.sender,
      frame?.url,
      !!frame && frame === event.sender.mainFrame,
      indexUrl,
      win?.webContents,
    );
    return runtime.router.invoke(
      { id: `electron-${event.sender.id}`, trusted },
      String(msg.channel ?? ''),
      msg.request,
      typeof msg.correlationId === 'string' ? { correlationId: msg.correlationId } : {},
    );
  });

  for (const name of EVENT_NAMES) {
    runtime.events.on(name, (payload) => {
      if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT, { event: name, payload });
    });
  }

  void app.whenReady().then(() => {
    void runtime.services.index.watch();
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    win = new BrowserWindow({
      width: 1280,
      height: 820,
      title: 'AI Configurator',
      show: false,
      webPreferences: {
        preload: path.join(__dirname, 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        spellcheck: false,
      },
    });
    win.once('ready-to-show', () => win?.show());
    void win.loadFile(indexFile);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void runtime.services.index.close());
}
