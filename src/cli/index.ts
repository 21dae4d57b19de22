import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json';
import { findPackageRoot } from '../main/package-root';
import { runCli } from './main';

const here = path.dirname(fileURLToPath(import.meta.url));

runCli(process.argv.slice(2), { version: pkg.version, packageRoot: findPackageRoot(here) }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
