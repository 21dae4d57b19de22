import { BrowserWindow, type WebPreferences } from 'electron';

/** The window's web preferences: Electron's security checklist (isolated, sandboxed, no Node). */
export function windowPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** The main window, shown once its first paint is ready, loading the app's page from `app://`. */
export function createMainWindow(preloadPath: string, indexUrl: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'AI Configurator',
    show: false,
    webPreferences: windowPreferences(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(indexUrl);
  return win;
}
