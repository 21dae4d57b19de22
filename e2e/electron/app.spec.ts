import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { REPO_ROOT, artifactPath } from '../helpers/app';

/** The Electron binary's path, or why there is none (it cannot be downloaded on every machine). */
function electronBinary(): { path?: string; reason?: string } {
  const dir = path.join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile))
    return {
      reason:
        'the Electron binary is not installed here (node_modules/electron/path.txt missing; it could not be downloaded)',
    };
  const bin = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  if (!fs.existsSync(bin)) return { reason: `the Electron binary is missing at ${bin}` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return { reason: 'no display (run under xvfb-run to include the Electron specs)' };
  return { path: bin };
}

const bin = electronBinary();

test.describe('Electron window', () => {
  test.skip(!bin.path, bin.reason ?? '');

  test('opens the library in a sandboxed window with only window.api exposed', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'aicfg-electron-'));
    const app = await electron.launch({
      executablePath: bin.path!,
      args: [REPO_ROOT],
      env: { ...process.env, AI_CONFIG_HOME: home },
    });
    try {
      const page = await app.firstWindow();
      const exposed = await page.evaluate(() => ({
        api: typeof (window as unknown as { api?: unknown }).api,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(exposed).toEqual({ api: 'object', require: 'undefined', process: 'undefined' });
      await page.getByRole('button', { name: 'Set up workspace' }).click();
      await expect(page.getByRole('tree', { name: 'Library files' }).locator('[data-path="agents"]')).toBeVisible();
      await page.screenshot({ path: artifactPath('electron-library.png') });
    } finally {
      await app.close();
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
