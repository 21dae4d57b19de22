import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { git } from '../git/core';
import { APP_GIT_CONFIG, APP_GIT_IDENTITY } from '../git/identity';
import type { Logger } from '../observability/logger';

export const STARTER_SOURCE = 'starter';

/** Where the embedded starter library lives inside the assets folder. */
export function starterDir(assetsDir: string): string {
  return path.join(assetsDir, 'starter-library');
}

/**
 * Turns the embedded starter library into a local Git repository with one commit at `dest`.
 * Built in a temp folder beside `dest` and renamed into place, so a failure leaves nothing half-made.
 */
export async function createStarterRepo(assetsDir: string, dest: string, logger?: Logger): Promise<void> {
  const src = starterDir(assetsDir);
  if (!fs.existsSync(src)) {
    throw new AppError(
      'NOT_FOUND',
      `The starter library is missing from ${src}.`,
      'Reinstall AI Configurator, or pass --library URL to use your own library.',
    );
  }
  const tmp = `${dest}.tmp-${process.pid}-${Date.now()}`;
  await fs.promises.mkdir(path.dirname(dest), { recursive: true });
  try {
    await fs.promises.cp(src, tmp, { recursive: true });
    const run = (args: string[], operation: string) =>
      git([...APP_GIT_CONFIG, ...args], { cwd: tmp, operation, env: APP_GIT_IDENTITY, ...(logger ? { logger } : {}) });
    await run(['init', '-q', '-b', 'main'], 'init starter');
    await run(['add', '-A'], 'add starter');
    await run(['commit', '-q', '-m', 'Starter library'], 'commit starter');
    await fs.promises.rename(tmp, dest);
  } catch (e) {
    await fs.promises.rm(tmp, { recursive: true, force: true });
    throw e;
  }
}
