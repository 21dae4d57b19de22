// Bundles the Node side: the CLI (which also runs the browser host) and the Electron shell.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist', 'cli'), { recursive: true, force: true });
rmSync(join(root, 'dist', 'main'), { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  // Prefer a package's ES module build: jsonc-parser's "main" is a UMD file whose internal `require`s a bundler
  // cannot follow (the bundle would fail at run time with "Cannot find module './impl/format'").
  mainFields: ['module', 'main'],
};

await Promise.all([
  // The CLI bundles its dependencies too: one file to load instead of resolving and compiling hundreds of package
  // modules saves about 100 ms on every command. CommonJS packages inside use `require` and `__filename`, hence the banner.
  build({
    ...common,
    entryPoints: ['src/cli/index.ts'],
    outfile: 'dist/cli/index.js',
    format: 'esm',
    external: ['electron', 'bufferutil', 'utf-8-validate', 'fsevents'],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; const require = __createRequire(import.meta.url); const __filename = __fileURLToPath(import.meta.url);",
    },
  }),
  build({
    ...common,
    entryPoints: ['src/main/shell/main.ts'],
    outfile: 'dist/main/shell/main.cjs',
    format: 'cjs',
    external: ['electron', 'bufferutil', 'utf-8-validate', 'fsevents'],
  }),
  build({
    ...common,
    entryPoints: ['src/main/shell/preload.ts'],
    outfile: 'dist/main/shell/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);
