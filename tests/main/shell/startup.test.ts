import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRuntime } from '../../../src/main/runtime';
import type { KeyProvider } from '../../../src/main/secrets/store';
import { startShell } from '../../../src/main/shell/app';
import { APP_INDEX_URL } from '../../../src/main/shell/app-response';
import { double } from '../../helpers/electron-double';
import { ASSETS_DIR } from '../../helpers/app';
import { tempDir } from '../../helpers/temp';

beforeEach(() => double.reset());

function setup() {
  const home = tempDir();
  const rendererDir = path.join(home, 'dist', 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  fs.mkdirSync(`${rendererDir}-x`);
  fs.writeFileSync(`${rendererDir}-x/secret.txt`, 'sibling secret');
  const secretsDir = path.join(home, 'state', 'secrets');
  const keys: KeyProvider[] = [];
  const opts = {
    rendererDir,
    preloadPath: path.join(home, 'preload.cjs'),
    secretsDir,
    createRuntime: (keyProvider: KeyProvider) => {
      keys.push(keyProvider);
      return createRuntime({
        host: 'test',
        version: '0.0.0-test',
        assetsDir: ASSETS_DIR,
        home,
        env: { ...process.env, AI_CONFIG_HOME: home },
        keyProvider,
      });
    },
  };
  return { home, rendererDir, secretsDir, keys, opts };
}

/** Lets pending promise callbacks run (the shell awaits whenReady); no timers involved. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe('Electron shell start-up (against the Electron double)', () => {
  it('registers app:// before ready and touches safeStorage, the protocol handler and windows only after it', async () => {
    const { opts, keys } = setup();
    const started = startShell(opts);
    await settle();
    expect(double.protocol.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(double.state.calls.some((c) => c.startsWith('safeStorage.'))).toBe(false);
    expect(double.protocol.handlers.size).toBe(0);
    expect(double.BrowserWindow.all).toHaveLength(0);
    expect(keys).toHaveLength(0);

    double.emitReady();
    const shell = await started;
    expect(shell).toBeDefined();
    const ready = double.state.calls.indexOf('ready');
    const firstKeychain = double.state.calls.findIndex((c) => c.startsWith('safeStorage.'));
    expect(firstKeychain).toBeGreaterThan(ready);
    expect(double.state.violations).toEqual([]);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.kind).toBe('os-keychain');
    await shell!.runtime.services.index.close();
  });

  it('seals the key with the async safeStorage API and unseals the same key on the next start', async () => {
    const { opts, keys, secretsDir } = setup();
    const first = startShell(opts);
    double.emitReady();
    await (await first)!.runtime.services.index.close();
    const sealed = fs.readFileSync(path.join(secretsDir, 'master.key.sealed'));
    const key = keys[0]!.getKey();
    expect(key).toHaveLength(32);
    expect(sealed.includes(key)).toBe(false);
    expect(sealed.toString()).not.toContain(key.toString('base64'));
    expect(double.state.calls).toContain('safeStorage.encryptStringAsync');

    double.reset();
    const second = startShell(opts);
    double.emitReady();
    await (await second)!.runtime.services.index.close();
    expect(double.state.calls).toContain('safeStorage.decryptStringAsync');
    expect(keys[1]!.getKey().equals(key)).toBe(true);
    expect(double.state.violations).toEqual([]);
  });

  it('denies every permission check and request', async () => {
    const { opts } = setup();
    const started = startShell(opts);
    double.emitReady();
    await (await started)!.runtime.services.index.close();
    const check = double.session.defaultSession.permissionCheck as unknown as (...a: unknown[]) => boolean;
    const request = double.session.defaultSession.permissionRequest as unknown as (...a: unknown[]) => void;
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal'])
      expect(check(null, permission, 'app://renderer', {})).toBe(false);
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'fullscreen'])
      request(null, permission, (granted: boolean) => answers.push(granted), {});
    expect(answers).toEqual([false, false, false]);
  });

  it('serves app://renderer/ from the built renderer only, with the whole-segment root check', async () => {
    const { opts, rendererDir } = setup();
    fs.symlinkSync(`${rendererDir}-x`, path.join(rendererDir, 'link'));
    const started = startShell(opts);
    double.emitReady();
    await (await started)!.runtime.services.index.close();
    const handler = double.protocol.handlers.get('app')!;
    const get = async (url: string) => {
      const res = await handler(new Request(url));
      return { status: res.status, text: await res.text(), csp: res.headers.get('content-security-policy') };
    };
    const index = await get(APP_INDEX_URL);
    expect(index.status).toBe(200);
    expect(index.text).toContain('<title>app</title>');
    expect(index.csp).toContain("default-src 'self'");
    const name = path.basename(rendererDir) + '-x';
    for (const url of [
      `app://renderer/..%2f${name}%2fsecret.txt`,
      `app://renderer/%2e%2e/${name}/secret.txt`,
      'app://renderer/link/secret.txt',
      'app://other/index.html',
    ]) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(r.text, url).not.toContain('sibling secret');
    }
  });

  it('loads the window from app:// with the security checklist preferences', async () => {
    const { opts } = setup();
    const started = startShell(opts);
    double.emitReady();
    await (await started)!.runtime.services.index.close();
    const [win] = double.BrowserWindow.all;
    expect(win!.loadedUrl).toBe(APP_INDEX_URL);
    expect(win!.loadedFile).toBeUndefined();
    expect(win!.options.webPreferences).toMatchObject({
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('quits at once when another instance holds the lock', async () => {
    const { opts } = setup();
    double.app.singleInstance = false;
    expect(await startShell(opts)).toBeUndefined();
    expect(double.app.quitCalled).toBe(true);
    expect(double.protocol.schemes).toHaveLength(0);
  });
});
