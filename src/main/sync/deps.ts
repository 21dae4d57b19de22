import path from 'node:path';
import { AppError, isAppError } from '../../shared/errors';
import type { Settings } from '../../shared/settings';
import type { OperationContext } from '../context';
import type { History } from '../history/api';
import type { AuditTrail } from '../observability/audit';
import type { Paths } from '../workspace/paths';
import { saveSettings } from '../workspace/settings';
import type { IncomingTracker } from './incoming';
import type { Platform } from './platform';

/** What the sync operations need from the rest of the app; tests pass real ones on temp folders. */
export interface SyncDeps {
  readonly paths: Paths;
  readonly requireSettings: () => Settings;
  readonly personalDir: () => string;
  readonly history: History;
  readonly audit: AuditTrail;
  readonly platform: Platform;
  readonly incoming: IncomingTracker;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  /** Copies one file while moving the workspace (tests inject failures). */
  readonly copyFile?: (src: string, dest: string) => void;
}

export function syncStateFile(paths: Paths): string {
  return path.join(paths.state, 'sync.json');
}

/** Points settings.personalDir at `dir` in one atomic write (the default location is stored as "unset"). */
export async function switchPersonalDir(deps: SyncDeps, dir: string): Promise<void> {
  const settings = deps.requireSettings();
  const { personalDir: _old, ...rest } = settings;
  const next: Settings =
    path.resolve(dir) === path.resolve(deps.paths.defaultPersonal) ? rest : { ...rest, personalDir: dir };
  await saveSettings(deps.paths.settings, next);
}

/**
 * Runs one sync operation with history around it and exactly one audit record (ok or failed).
 * `fn` receives the version before; it returns its value and the audit target/details.
 */
export async function audited<T>(
  deps: SyncDeps,
  ctx: OperationContext,
  operation: string,
  target: string,
  fn: (
    versionBefore: string | undefined,
  ) => Promise<{ value: T; target?: string; details?: Record<string, unknown>; noop?: boolean }>,
): Promise<T> {
  const started = Date.now();
  let versionBefore: string | undefined;
  try {
    versionBefore = await deps.history.beforeChange({
      operation,
      correlationId: ctx.correlationId,
      message: `${operation} ${target}`,
    });
    const out = await fn(versionBefore);
    const versionAfter = out.noop
      ? undefined
      : await deps.history.record({
          operation,
          correlationId: ctx.correlationId,
          message: `${operation} ${out.target ?? target}`,
        });
    deps.audit.append({
      operation,
      target: out.target ?? target,
      result: out.noop ? 'noop' : 'ok',
      durationMs: Date.now() - started,
      correlationId: ctx.correlationId,
      ...(versionBefore ? { versionBefore } : {}),
      ...(versionAfter ? { versionAfter } : {}),
      ...(out.details ? { details: out.details } : {}),
    });
    return out.value;
  } catch (e) {
    deps.audit.append({
      operation,
      target,
      result: 'failed',
      durationMs: Date.now() - started,
      correlationId: ctx.correlationId,
      ...(versionBefore ? { versionBefore } : {}),
      error: isAppError(e)
        ? { code: e.code, message: e.message }
        : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) },
    });
    throw e;
  }
}

export function notSynced(): AppError {
  return new AppError(
    'NOT_FOUND',
    'The personal workspace is not in a sync folder.',
    'Run `ai-config sync setup --provider ...` (or open Sync in the app) to set it up.',
  );
}
