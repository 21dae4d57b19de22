// The Library screen benchmark (bench/ui.ts): `npm run bench:ui -- [--files 100000] [--out FILE]`.
// Needs a build (npm run build) and Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'bench', 'out');
mkdirSync(outDir, { recursive: true });
const runner = join(outDir, 'ui.mjs');
await build({
  absWorkingDir: root,
  entryPoints: ['bench/ui.ts'],
  outfile: runner,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, [runner, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
