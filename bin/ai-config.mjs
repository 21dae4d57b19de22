#!/usr/bin/env node
// Entry point of the `ai-config` command. The CLI is bundled to dist/ by `npm install` (prepare);
// if that was skipped, build it once now.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'cli', 'index.js');
if (!existsSync(entry)) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-node.mjs')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) {
    process.stderr.write('error: could not build the CLI. Run `npm install` in ' + root + '\n');
    process.exit(1);
  }
}
await import(pathToFileURL(entry).href);
