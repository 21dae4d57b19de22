import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/main';
import type { Io } from '../../src/cli/output';
import { createLogger, type LogRecord } from '../../src/main/observability/logger';
import { createRuntime, type Runtime } from '../../src/main/runtime';
import { createServices } from '../../src/main/services';
import type { OperationContext } from '../../src/main/context';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ASSETS_DIR = path.join(REPO_ROOT, 'assets');

/** A runtime (services + router) on a temp home, as the CLI and host build it. */
export function testRuntime(home: string, env: NodeJS.ProcessEnv = {}): Runtime & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  const rt = createRuntime({
    host: 'test',
    version: '0.0.0-test',
    assetsDir: ASSETS_DIR,
    home,
    env: { ...process.env, ...env, AI_CONFIG_HOME: home },
    logSinks: [(r) => records.push(r)],
  });
  return { ...rt, records };
}

export function testServices(home: string) {
  return createServices({
    home,
    assetsDir: ASSETS_DIR,
    version: '0.0.0-test',
    host: 'test',
    logger: createLogger({ dir: path.join(home, 'state', 'logs') }),
  });
}

export function testContext(correlationId = 'test-op'): OperationContext {
  return { correlationId, logger: createLogger({ level: 'error' }), progress: () => undefined };
}

/** Runs the CLI in-process with captured output. */
export async function cli(
  args: ReadonlyArray<string>,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), isTty: false };
  const code = await runCli(args, {
    version: '0.0.0-test',
    packageRoot: REPO_ROOT,
    io,
    env: { ...process.env, ...env },
  });
  return { code, stdout, stderr };
}

/**
 * The official tool-config JSON Schemas: `shared/schemas` beside the repository (as in CI and on developer machines),
 * or AI_CONFIG_SCHEMAS_DIR for a checkout kept elsewhere (e.g. a nested git worktree).
 */
export const SCHEMAS_DIR = process.env.AI_CONFIG_SCHEMAS_DIR || path.join(REPO_ROOT, '..', 'shared', 'schemas');
