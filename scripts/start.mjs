// `npm start`: opens the desktop window where Electron can run; otherwise says why in one line
// and serves the same UI through the browser host, printing the URL to open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  const have = () =>
    existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
  if (!have() && existsSync(join(electronDir, 'install.js'))) {
    // Electron downloads its binary on first use; this fails quickly where there is no network for it.
    spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  }
  if (!have()) return { reason: 'the Electron binary could not be downloaded on this machine' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return { reason: 'there is no display to open a window on' };
  return { path: join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) };
}

const electron = electronBinary();
const child = electron.path
  ? spawn(electron.path, [root], { stdio: 'inherit' })
  : (process.stdout.write(
      `Electron is not available (${electron.reason}); serving the same UI in your browser instead.\n`,
    ),
    spawn(process.execPath, [join(root, 'bin', 'ai-config.mjs'), 'serve', ...process.argv.slice(2)], {
      stdio: 'inherit',
    }));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
