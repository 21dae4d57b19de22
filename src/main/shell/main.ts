import path from 'node:path';
import { app } from 'electron';
import pkg from '../../../package.json';
import { startHistoryBackground } from '../history/background';
import { createRuntime } from '../runtime';
import { makePaths, resolveHome } from '../workspace/paths';
import { startShell } from './app';

/** The Electron entry point: paths of this install, then the shell (src/main/shell/app.ts) does the rest. */
const appRoot = app.getAppPath();
const assetsDir = app.isPackaged ? path.join(process.resourcesPath, 'assets') : path.join(appRoot, 'assets');

void startShell({
  rendererDir: path.join(appRoot, 'dist', 'renderer'),
  preloadPath: path.join(__dirname, 'preload.cjs'),
  secretsDir: makePaths(resolveHome()).secrets,
  createRuntime: (keyProvider) => {
    const runtime = createRuntime({ host: 'electron', version: pkg.version, assetsDir, keyProvider });
    startHistoryBackground(runtime.services);
    void runtime.services.index.watch();
    return runtime;
  },
});
