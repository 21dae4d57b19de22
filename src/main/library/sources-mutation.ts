import { isAppError } from '../../shared/errors';
import type { OperationContext } from '../context';
import { withLock } from '../workspace/lock';
import type { SourcesDeps } from './sources-deps';

/** Runs `fn` as one sources mutation (see {@link createMutate}). */
export type Mutate = <T>(
  operation: string,
  target: string,
  ctx: OperationContext,
  fn: () => Promise<T>,
  details?: (v: T) => Record<string, unknown>,
  noop?: (v: T) => boolean,
) => Promise<T>;

/** Lock, history before/after, and exactly one audit record for a mutation. */
export function createMutate(deps: Pick<SourcesDeps, 'paths' | 'history' | 'audit'>): Mutate {
  const { paths } = deps;
  return async <T>(
    operation: string,
    target: string,
    ctx: OperationContext,
    fn: () => Promise<T>,
    details: (v: T) => Record<string, unknown> = () => ({}),
    noop: (v: T) => boolean = () => false,
  ): Promise<T> => {
    const started = Date.now();
    return withLock(paths.lock, operation, async () => {
      let versionBefore: string | undefined;
      try {
        versionBefore = await deps.history.beforeChange({
          operation,
          correlationId: ctx.correlationId,
          message: `${operation} ${target}`,
        });
        const value = await fn();
        const versionAfter = await deps.history.record({
          operation,
          correlationId: ctx.correlationId,
          message: `${operation} ${target}`,
        });
        deps.audit.append({
          operation,
          target,
          result: noop(value) ? 'noop' : 'ok',
          durationMs: Date.now() - started,
          correlationId: ctx.correlationId,
          ...(versionBefore ? { versionBefore } : {}),
          ...(versionAfter ? { versionAfter } : {}),
          details: details(value),
        });
        return value;
      } catch (e) {
        const code = isAppError(e) ? e.code : 'INTERNAL';
        deps.audit.append({
          operation,
          target,
          result: code === 'CANCELLED' ? 'cancelled' : 'failed',
          durationMs: Date.now() - started,
          correlationId: ctx.correlationId,
          ...(versionBefore ? { versionBefore } : {}),
          error: { code, message: e instanceof Error ? e.message : String(e) },
        });
        throw e;
      }
    });
  };
}
