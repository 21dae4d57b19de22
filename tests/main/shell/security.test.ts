import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRuntime } from '../../../src/main/runtime';
import { IPC_INVOKE, startShell } from '../../../src/main/shell/app';
import { APP_INDEX_URL } from '../../../src/main/shell/app-response';
import { isTrustedSender } from '../../../src/main/shell/security';
import { double } from '../../helpers/electron-double';
import { ASSETS_DIR } from '../../helpers/app';
import { tempDir } from '../../helpers/temp';

beforeEach(() => double.reset());

async function started() {
  const home = tempDir();
  const rendererDir = path.join(home, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  const run = startShell({
    rendererDir,
    preloadPath: path.join(home, 'preload.cjs'),
    secretsDir: path.join(home, 'secrets'),
    createRuntime: (keyProvider) =>
      createRuntime({
        host: 'test',
        version: '0.0.0-test',
        assetsDir: ASSETS_DIR,
        home,
        env: { ...process.env, AI_CONFIG_HOME: home },
        keyProvider,
      }),
  });
  double.emitReady();
  const shell = (await run)!;
  await shell.runtime.services.index.close();
  return { shell, win: double.BrowserWindow.all[0]! };
}

type Invoke = (event: unknown, message: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;

describe('Electron shell security (against the Electron double)', () => {
  it('trusts IPC only from the main frame of its own window showing app://renderer/index.html', async () => {
    const { win } = await started();
    const invoke = double.ipcMain.handlers.get(IPC_INVOKE) as unknown as Invoke;
    const wc = win.webContents;
    const msg = { channel: 'app:info', request: {} };
    expect(await invoke({ sender: wc, senderFrame: wc.mainFrame }, msg)).toMatchObject({ ok: true });
    const sub = { url: APP_INDEX_URL };
    expect((await invoke({ sender: wc, senderFrame: sub }, msg)).error?.code).toBe('FORBIDDEN');
    wc.mainFrame.url = 'https://evil.example/';
    expect((await invoke({ sender: wc, senderFrame: wc.mainFrame }, msg)).error?.code).toBe('FORBIDDEN');
    const other = new double.BrowserWindow({}).webContents;
    other.mainFrame.url = APP_INDEX_URL;
    expect((await invoke({ sender: other, senderFrame: other.mainFrame }, msg)).error?.code).toBe('FORBIDDEN');
  });

  it('isTrustedSender ignores the fragment and query but nothing else of the URL', () => {
    const wc = { id: 1 } as Parameters<typeof isTrustedSender>[0];
    expect(isTrustedSender(wc, `${APP_INDEX_URL}#x`, true, APP_INDEX_URL, wc)).toBe(true);
    expect(isTrustedSender(wc, `${APP_INDEX_URL}?a=1`, true, APP_INDEX_URL, wc)).toBe(true);
    expect(isTrustedSender(wc, 'file:///index.html', true, APP_INDEX_URL, wc)).toBe(false);
    expect(isTrustedSender(wc, APP_INDEX_URL, false, APP_INDEX_URL, wc)).toBe(false);
    expect(isTrustedSender(wc, APP_INDEX_URL, true, APP_INDEX_URL, undefined)).toBe(false);
  });

  it('blocks navigation away from the app, new windows and webviews; opens only allowlisted links outside', async () => {
    const { win } = await started();
    const wc = win.webContents;
    const navigate = (url: string) => {
      let prevented = false;
      wc.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(`${APP_INDEX_URL}#library`)).toBe(false);
    expect(wc.windowOpenHandler!({ url: 'https://github.com/x/y' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(double.shell.opened).toEqual(['https://github.com/x/y']);
    let webviewPrevented = false;
    wc.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
  });
});
