import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json';
import { findPackageRoot } from '../main/package-root';
import { runCli } from './main';

const here = path.dirname(fileURLToPath(import.meta.url));

// `ai-config history | head`: the reader closed the pipe; stop quietly instead of crashing with EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw e;
  });
}

runCli(process.argv.slice(2), { version: pkg.version, packageRoot: findPackageRoot(here) }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
