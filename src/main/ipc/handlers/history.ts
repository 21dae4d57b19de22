import type { historyChannels } from '../../../shared/ipc/channels/history';
import { isAppError } from '../../../shared/errors';
import type { OperationContext } from '../../context';
import type { Services } from '../../services';
import type { Handlers } from '../router';
import { checkInputPath, checkOutputFile } from '../../workspace/user-path';

/** Runs a mutation and appends its one audit record (ok or failed) with the versions it made. */
async function audited<T extends { before?: string; after?: string } | object>(
  services: Services,
  ctx: OperationContext,
  operation: string,
  target: string,
  fn: () => Promise<T>,
  versions: (v: T) => {
    before?: string | undefined;
    after?: string | undefined;
    details?: Record<string, unknown>;
  } = () => ({}),
): Promise<T> {
  const started = Date.now();
  try {
    const value = await fn();
    const v = versions(value);
    services.audit.append({
      operation,
      target,
      result: 'ok',
      durationMs: Date.now() - started,
      correlationId: ctx.correlationId,
      ...(v.before ? { versionBefore: v.before } : {}),
      ...(v.after ? { versionAfter: v.after } : {}),
      ...(v.details ? { details: v.details } : {}),
    });
    return value;
  } catch (e) {
    services.audit.append({
      operation,
      target,
      result: 'failed',
      durationMs: Date.now() - started,
      correlationId: ctx.correlationId,
      error: { code: isAppError(e) ? e.code : 'INTERNAL', message: e instanceof Error ? e.message : String(e) },
    });
    throw e;
  }
}

export function historyHandlers(services: Services): Pick<Handlers, keyof typeof historyChannels> {
  const h = services.history;
  return {
    'history:list': async (req) => ({ versions: await h.list(req) }),
    'history:diff': (req) => h.diff(req.from, req.to, req.path),
    'history:rollback': (req, ctx) => {
      services.requireSettings();
      if (req.dryRun) return h.rollback(req, ctx);
      return audited(
        services,
        ctx,
        'history.rollback',
        req.path ?? 'workspace',
        () => h.rollback(req, ctx),
        (r) => ({ before: r.before, after: r.after, details: { target: r.target, changes: r.changes.length } }),
      );
    },
    'history:snapshot': (req, ctx) => {
      services.requireSettings();
      return audited(
        services,
        ctx,
        'history.snapshot',
        'workspace',
        () =>
          h.snapshot({
            operation: 'history.snapshot',
            correlationId: ctx.correlationId,
            phase: 'manual',
            ...(req.message ? { message: req.message } : {}),
          }),
        (r) => ({ after: r.version }),
      );
    },
    'history:verify': () => h.verify(),
    'history:export': (req, ctx) =>
      audited(
        services,
        ctx,
        'history.export',
        req.file,
        () => h.exportTo(checkOutputFile(req.file, req)),
        (r) => ({ details: { bytes: r.bytes, versions: r.versions } }),
      ),
    'history:import': (req, ctx) => {
      services.requireSettings();
      return audited(
        services,
        ctx,
        'history.import',
        req.file,
        () => h.importFrom(checkInputPath(req.file, { kind: 'file' }), ctx),
        (r) => ({ before: r.restored.before, after: r.restored.after, details: { versions: r.versions } }),
      );
    },
    'history:prune': (req, ctx) => {
      const days = req.retentionDays ?? services.requireSettings().history.retentionDays;
      if (req.dryRun) return h.prune({ days, dryRun: true });
      return audited(
        services,
        ctx,
        'history.prune',
        'history',
        () => h.prune({ days, dryRun: false }),
        (r) => ({ details: { kept: r.kept, removed: r.removed, retentionDays: days } }),
      );
    },
    'history:migrate': (req, ctx) => {
      if (req.dryRun) return h.migrate({ dryRun: true }, ctx);
      return audited(
        services,
        ctx,
        'history.migrate',
        'settings',
        () => h.migrate({ dryRun: false }, ctx),
        (r) => ({ details: { files: r.files.map((f) => `${f.kind} ${f.from}->${f.to}`) } }),
      );
    },
  };
}
