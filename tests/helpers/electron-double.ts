/**
 * THE Electron test double: vitest.config.ts aliases `electron` to this file, so shell modules run in Node.
 * It records what the shell asks of Electron and enforces the lifecycle rules the shell must keep (protocol
 * schemes before ready, protocol handlers and safeStorage only after ready). Tests drive it through `double`.
 */
import { EventEmitter } from 'node:events';

type Handler = (...args: never[]) => unknown;

class Lifecycle {
  ready = false;
  /** Every call the shell made, in order ("app.whenReady", "safeStorage.encryptStringAsync", …). */
  readonly calls: string[] = [];
  /** Misuse the real Electron would refuse or warn about (e.g. safeStorage before ready). */
  readonly violations: string[] = [];
  releaseReady: () => void = () => undefined;
  readyPromise: Promise<void> = this.newReady();

  newReady(): Promise<void> {
    return new Promise<void>((resolve) => (this.releaseReady = resolve));
  }
  record(name: string, needsReady?: boolean): void {
    this.calls.push(name);
    if (needsReady === true && !this.ready) this.violations.push(`${name} before ready`);
    if (needsReady === false && this.ready) this.violations.push(`${name} after ready`);
  }
}

const state = new Lifecycle();

class FakeWebContents extends EventEmitter {
  static seq = 0;
  readonly id = ++FakeWebContents.seq;
  readonly mainFrame = { url: '' };
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  singleInstance = true;
  quitCalled = false;
  requestSingleInstanceLock(): boolean {
    state.record('app.requestSingleInstanceLock');
    return this.singleInstance;
  }
  quit(): void {
    this.quitCalled = true;
  }
  isReady(): boolean {
    return state.ready;
  }
  whenReady(): Promise<void> {
    state.record('app.whenReady');
    return state.readyPromise;
  }
  getAppPath(): string {
    return process.cwd();
  }
}

const app = new FakeApp();

const protocol = {
  schemes: [] as Array<{ scheme: string; privileges?: Record<string, boolean> }>,
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>): void {
    state.record('protocol.registerSchemesAsPrivileged', false);
    protocol.schemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    state.record('protocol.handle', true);
    protocol.handlers.set(scheme, handler);
  },
};

const defaultSession = {
  permissionCheck: undefined as Handler | undefined,
  permissionRequest: undefined as Handler | undefined,
  setPermissionCheckHandler(h: Handler): void {
    state.record('session.setPermissionCheckHandler', true);
    defaultSession.permissionCheck = h;
  },
  setPermissionRequestHandler(h: Handler): void {
    state.record('session.setPermissionRequestHandler', true);
    defaultSession.permissionRequest = h;
  },
};
const session = { defaultSession };

/** A reversible stand-in for the keychain: "sealed:" + base64 (never the plain text on disk). */
const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  reEncrypt: false,
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    state.record('safeStorage.isAsyncEncryptionAvailable', true);
    return state.ready && safeStorage.available;
  },
  getSelectedStorageBackend(): string {
    state.record('safeStorage.getSelectedStorageBackend', true);
    return state.ready ? safeStorage.backend : 'unknown';
  },
  async encryptStringAsync(plain: string): Promise<Buffer> {
    state.record('safeStorage.encryptStringAsync', true);
    return Buffer.from('sealed:' + Buffer.from(plain).toString('base64'));
  },
  async decryptStringAsync(sealed: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    state.record('safeStorage.decryptStringAsync', true);
    const text = sealed.toString();
    if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided');
    return { shouldReEncrypt: safeStorage.reEncrypt, result: Buffer.from(text.slice(7), 'base64').toString() };
  },
  isEncryptionAvailable(): boolean {
    state.violations.push('safeStorage.isEncryptionAvailable (deprecated)');
    return false;
  },
  encryptString(): Buffer {
    state.violations.push('safeStorage.encryptString (deprecated)');
    throw new Error('deprecated');
  },
  decryptString(): string {
    state.violations.push('safeStorage.decryptString (deprecated)');
    throw new Error('deprecated');
  },
};

const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, h: Handler): void {
    state.record(`ipcMain.handle:${channel}`);
    ipcMain.handlers.set(channel, h);
  },
};

class BrowserWindow extends EventEmitter {
  static readonly all: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  loadedFile: string | undefined;
  shown = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    state.record('new BrowserWindow', true);
    BrowserWindow.all.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
  }
  async loadFile(file: string): Promise<void> {
    this.loadedFile = file;
  }
  show(): void {
    this.shown = true;
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
}

const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    shell.opened.push(url);
  },
};

const exposed = new Map<string, unknown>();
const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    exposed.set(key, api);
  },
};
const ipcRenderer = new (class extends EventEmitter {
  invoked: Array<{ channel: string; args: unknown[] }> = [];
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return undefined;
  }
})();

/** The test's handle on the double. */
export const double = {
  state,
  app,
  protocol,
  session,
  safeStorage,
  ipcMain,
  BrowserWindow,
  shell,
  exposed,
  /** Fires `ready`: `app.whenReady()` resolves. */
  emitReady(): void {
    state.ready = true;
    state.calls.push('ready');
    state.releaseReady();
  },
  /** A fresh, not-ready Electron (between tests). */
  reset(): void {
    state.ready = false;
    state.calls.length = 0;
    state.violations.length = 0;
    state.readyPromise = state.newReady();
    app.removeAllListeners();
    app.singleInstance = true;
    app.quitCalled = false;
    protocol.schemes.length = 0;
    protocol.handlers.clear();
    defaultSession.permissionCheck = undefined;
    defaultSession.permissionRequest = undefined;
    safeStorage.available = true;
    safeStorage.backend = 'gnome_libsecret';
    safeStorage.reEncrypt = false;
    ipcMain.handlers.clear();
    BrowserWindow.all.length = 0;
    shell.opened.length = 0;
    exposed.clear();
  },
};

export { app, BrowserWindow, contextBridge, ipcMain, ipcRenderer, protocol, safeStorage, session, shell };
export default { app, BrowserWindow, contextBridge, ipcMain, ipcRenderer, protocol, safeStorage, session, shell };
