import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './app';

const OUT_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'aicfg-test');
const built = new Map<string, Promise<string>>();

/**
 * Bundles a TypeScript entry (the CLI, or a test driver) from the current sources into
 * node_modules/.cache, so child-process tests never run a stale dist/. Once per test file.
 */
export function bundleEntry(entry: string, name: string): Promise<string> {
  let p = built.get(name);
  if (!p) {
    const outfile = path.join(OUT_DIR, `${name}-${process.pid}.mjs`);
    p = build({
      absWorkingDir: REPO_ROOT,
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
      define: { 'import.meta.vitest': 'undefined' },
    }).then(() => {
      process.once('exit', () => fs.rmSync(outfile, { force: true }));
      return outfile;
    });
    built.set(name, p);
  }
  return p;
}

/** The `ai-config` CLI as a file `node` can run. */
export const bundledCli = () => bundleEntry('src/cli/index.ts', 'cli');
