import os from 'node:os';
import path from 'node:path';
import { AppError, isAppError } from '../../shared/errors';
import type { AppInfo } from '../../shared/ipc/channels/app';
import type {
  AuditEntry,
  DoctorResult,
  HealthReport,
  LogLine,
  MetricsSummary,
  RepairReport,
} from '../../shared/ipc/channels/health';
import type { Settings } from '../../shared/settings';
import type { OperationContext } from '../context';
import { git } from '../git/core';
import type { History } from '../history/api';
import type { SourceRoot } from '../library/tree';
import type { AuditTrail } from '../observability/audit';
import { readLogs, type LogQuery } from '../observability/log-reader';
import type { Logger } from '../observability/logger';
import { toEntry } from '../observability/metrics-summary';
import type { Metrics } from '../observability/metrics';
import { withLock } from '../workspace/lock';
import type { Paths } from '../workspace/paths';
import { makeBackup } from './backup';
import { buildDiagnostics, writeDiagnostics } from './diagnostics';
import { registerBuiltins } from './builtins';
import { createHealthRegistry } from './registry';
import { runChecks } from './run-checks';
import {
  DEFAULT_THRESHOLDS,
  type Check,
  type CheckProvider,
  type HealthContext,
  type HealthThresholds,
  type Repair,
  type RepairContext,
} from './types';

/** What the health service needs from the rest of the process (all read lazily, so other services may change). */
export interface HealthDeps {
  readonly paths: Paths;
  readonly assetsDir: string;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly audit: AuditTrail;
  history(): History;
  settings(): Settings | undefined;
  personalDir(): string;
  roots(): SourceRoot[];
  info(): AppInfo;
  readonly now?: () => Date;
  readonly thresholds?: Partial<HealthThresholds>;
  readonly gitExecutable?: string;
  /** See HealthContext.remoteEnv / cloneSource: the sources domain's credentials and clone. */
  readonly remoteEnv?: HealthContext['remoteEnv'];
  readonly cloneSource?: HealthContext['cloneSource'];
}

/** Checks with repairs, logs, audit trail, metrics and diagnostics: `services.health`. */
export interface HealthService {
  /** Local metrics; other domains record library size and agent token budgets here. */
  readonly metrics: Metrics;
  /** Adds a check (or a provider of checks) from another domain; see docs in types.ts. */
  registerCheck(check: Check | CheckProvider): void;
  /** Adds a repair that checks can offer as their `fix` by id. */
  registerRepair(repair: Repair): void;
  check(opts: { only?: ReadonlyArray<string> }, ctx: OperationContext): Promise<HealthReport>;
  repair(id: string, target: string | undefined, ctx: OperationContext): Promise<RepairReport>;
  /** Runs every check; with `fix`, runs each offered repair once and checks again. */
  doctor(fix: boolean, ctx: OperationContext): Promise<DoctorResult>;
  logs(query: LogQuery): LogLine[];
  audit(opts: { limit?: number; operation?: string }): AuditEntry[];
  summary(): MetricsSummary;
  diagnostics(file: string, ctx: OperationContext): Promise<{ file: string; bytes: number }>;
}

export function createHealthService(deps: HealthDeps): HealthService {
  const registry = createHealthRegistry();
  registerBuiltins(registry);
  const now = deps.now ?? (() => new Date());
  const thresholds: HealthThresholds = { ...DEFAULT_THRESHOLDS, ...deps.thresholds };

  const context = (ctx: OperationContext): HealthContext => ({
    paths: deps.paths,
    settings: deps.settings,
    personalDir: () => {
      try {
        return deps.personalDir();
      } catch {
        return deps.paths.defaultPersonal;
      }
    },
    roots: deps.roots,
    assetsDir: deps.assetsDir,
    logger: ctx.logger,
    now,
    thresholds,
    metrics: deps.metrics,
    hasRepair: (id) => !!registry.repair(id),
    ...(deps.gitExecutable ? { gitExecutable: deps.gitExecutable } : {}),
    ...(deps.remoteEnv ? { remoteEnv: deps.remoteEnv } : {}),
    ...(deps.cloneSource ? { cloneSource: deps.cloneSource } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });

  async function check(opts: { only?: ReadonlyArray<string> }, ctx: OperationContext): Promise<HealthReport> {
    const hctx = context(ctx);
    const all = registry.checks(hctx);
    const picked = opts.only?.length
      ? all.filter((c) => opts.only!.some((o) => c.id === o || c.id.startsWith(`${o}:`)))
      : all;
    if (opts.only?.length && !picked.length)
      throw new AppError(
        'NOT_FOUND',
        `No health check is named ${opts.only.map((o) => `"${o}"`).join(', ')}.`,
        `Known checks: ${all.map((c) => c.id).join(', ')}.`,
      );
    const report = await runChecks(picked, hctx);
    ctx.logger.info('health checked', {
      status: report.status,
      failed: report.checks.filter((c) => c.status === 'fail').map((c) => c.id),
    });
    return report;
  }

  async function repair(id: string, target: string | undefined, ctx: OperationContext): Promise<RepairReport> {
    const r = registry.repair(id);
    if (!r)
      throw new AppError(
        'NOT_FOUND',
        `There is no repair named "${id}".`,
        `Known repairs: ${registry.repairIds().join(', ')}.`,
      );
    const started = Date.now();
    const operation = `health.repair.${id}`;
    return withLock(deps.paths.lock, operation, async () => {
      const history = deps.history();
      const versionBefore = await history.beforeChange({
        operation,
        correlationId: ctx.correlationId,
        message: `Before repair ${id}${target ? ` (${target})` : ''}`,
      });
      const rctx: RepairContext = {
        ...context(ctx),
        op: ctx,
        backup: (files, extra) => makeBackup(deps.paths, now(), id, files, extra),
      };
      let report: RepairReport;
      try {
        ctx.progress({ phase: r.title });
        report = { id, title: r.title, ...(target ? { target } : {}), ...(await r.run(rctx, target)) };
      } catch (e) {
        deps.audit.append({
          operation,
          target: target ?? id,
          result: 'failed',
          durationMs: Date.now() - started,
          correlationId: ctx.correlationId,
          ...(versionBefore ? { versionBefore } : {}),
          ...(isAppError(e)
            ? { error: { code: e.code, message: e.message } }
            : { error: { code: 'INTERNAL', message: String(e) } }),
        });
        throw e;
      } finally {
        ctx.progress({ phase: 'Done', done: true });
      }
      const versionAfter =
        report.outcome === 'repaired'
          ? await history.record({
              operation,
              correlationId: ctx.correlationId,
              message: `Repair ${id}${target ? ` (${target})` : ''}`,
            })
          : undefined;
      deps.audit.append({
        operation,
        target: target ?? id,
        result: report.outcome === 'repaired' ? 'ok' : report.outcome === 'skipped' ? 'noop' : 'failed',
        durationMs: Date.now() - started,
        correlationId: ctx.correlationId,
        ...(versionBefore ? { versionBefore } : {}),
        ...(versionAfter ? { versionAfter } : {}),
        details: {
          actions: report.actions,
          ...(report.backup ? { backup: path.relative(deps.paths.home, report.backup) } : {}),
        },
      });
      ctx.logger.info('repair done', { repair: id, target, outcome: report.outcome });
      return report;
    });
  }

  return {
    metrics: deps.metrics,
    registerCheck: (c) => registry.registerCheck(c),
    registerRepair: (r) => registry.registerRepair(r),
    check,
    repair,
    async doctor(fix, ctx) {
      const before = await check({}, ctx);
      if (!fix) return { before, repairs: [], after: before };
      const wanted = new Map<string, { id: string; target?: string }>();
      for (const c of before.checks)
        if (c.status !== 'ok' && c.fix)
          wanted.set(`${c.fix.id}\0${c.fix.target ?? ''}`, {
            id: c.fix.id,
            ...(c.fix.target ? { target: c.fix.target } : {}),
          });
      const repairs: RepairReport[] = [];
      for (const w of wanted.values()) {
        try {
          repairs.push(await repair(w.id, w.target, ctx));
        } catch (e) {
          repairs.push({
            id: w.id,
            title: registry.repair(w.id)?.title ?? w.id,
            ...(w.target ? { target: w.target } : {}),
            outcome: 'failed',
            actions: [isAppError(e) ? `${e.message} ${e.hint}` : String(e)],
          });
        }
      }
      const after = repairs.length ? await check({}, ctx) : before;
      return { before, repairs, after };
    },
    logs: (query) => readLogs(deps.paths.logs, query),
    audit: (opts) => deps.audit.read(opts).map(toEntry),
    summary: () => deps.metrics.summary(deps.audit.read({ limit: 5000 })),
    async diagnostics(file, ctx) {
      if (!path.isAbsolute(file))
        throw new AppError(
          'INVALID_REQUEST',
          `The diagnostics file "${file}" must be an absolute path.`,
          'Pass a full path, e.g. /tmp/ai-config-diagnostics.json.',
        );
      const started = Date.now();
      const health = await check({}, ctx);
      let gitVersion = 'unknown';
      try {
        gitVersion = (
          await git(['--version'], {
            cwd: os.tmpdir(),
            operation: 'version',
            ...(deps.gitExecutable ? { executable: deps.gitExecutable } : {}),
          })
        ).stdout.trim();
      } catch (e) {
        gitVersion = isAppError(e) ? e.message : String(e);
      }
      const bundle = buildDiagnostics({
        info: deps.info(),
        gitVersion,
        settingsFile: deps.paths.settings,
        health,
        logs: readLogs(deps.paths.logs, { limit: 300 }),
        audit: deps.audit.read({ limit: 100 }).map(toEntry),
        metrics: deps.metrics.summary([]),
        now: now(),
      });
      const bytes = await writeDiagnostics(file, bundle);
      deps.audit.append({
        operation: 'health.diagnostics',
        target: file,
        result: 'ok',
        durationMs: Date.now() - started,
        correlationId: ctx.correlationId,
        details: { bytes },
      });
      ctx.logger.info('diagnostics written', { file, bytes });
      return { file, bytes };
    },
  };
}
