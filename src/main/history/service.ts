import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sweepTempFiles } from './durable-write';
import { AppError } from '../../shared/errors';
import type {
  DiffResult,
  ExportResult,
  HistoryVersion,
  ImportResult,
  MigrationReport,
  PruneResult,
  RefusedPath,
  RollbackResult,
  VerifyReport,
} from '../../shared/ipc/channels/history';
import { exportBundle, fetchBundle } from './bundle';
import { pruneHistory } from './retention';
import { verifyHistory } from './verify';
import { createMigrationRegistry, type MigrationRegistry } from './migrations';
import { runMigrations } from './run-migrations';
import type { OperationContext } from '../context';
import type { Logger } from '../observability/logger';
import { withLock } from '../workspace/lock';
import type { ChangeOperation, History } from './api';
import { changedPaths, commitVersion, formatMessage, type VersionMeta } from './commit';
import { diffTrees } from './diff';
import { listVersions } from './log';
import {
  applyRestore,
  clearJournal,
  journalFile,
  describeOps,
  dirsOf,
  planRestore,
  readJournal,
  writeJournal,
  type RestoreOp,
} from './restore';
import { guardImport } from './import-guard';
import {
  clearStaleGitLocks,
  ensureHistoryRepo,
  headState,
  HISTORY_REF,
  headVersion,
  openHistoryRepo,
  resolveVersion,
  type HistoryRepo,
} from './repo';
import { entryFor } from './tool-paths';
import type { ToolContent } from './tool-content';
import { missingSecretWarnings } from './missing-secrets';
import { rememberManifest, treeOf, writeCurrentTree, writePersonalTree, writeTreeParts } from './tree';

export interface HistoryServiceOptions {
  readonly gitDir: string;
  readonly lockFile: string;
  /** The personal workspace, read at call time (the user may move it into a sync folder). */
  readonly workTree: () => string;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** Where `migrate` keeps copies of files before it rewrites them (`state/backups`). */
  readonly backupsDir: string;
  /** How tool files are stored (resolved secrets as placeholders) and restored (resolved again). */
  readonly toolContent?: ToolContent;
  /** The user's home folder, whose tool config folders an import may write into (default: os.homedir()). */
  readonly homeDir?: string;
  /** Tool-file symlinks the user allowed (settings `filesystem.allowSymlinks`): a rollback may write through them. */
  readonly allowSymlinks?: () => ReadonlyArray<string>;
}

export interface SnapshotResult {
  readonly version?: string;
  readonly changed: boolean;
}

/** The history store over `state/history.git`: snapshots, the timeline, diffs, rollback. */
export interface HistoryService extends History {
  readonly repo: HistoryRepo;
  snapshot(meta: VersionMeta, toolFiles?: ReadonlyArray<string>): Promise<SnapshotResult>;
  list(opts?: { path?: string; operation?: string; limit?: number }): Promise<HistoryVersion[]>;
  diff(from: string, to?: string, path?: string): Promise<DiffResult>;
  rollback(req: { version: string; path?: string; dryRun?: boolean }, ctx: OperationContext): Promise<RollbackResult>;
  /** Finishes a rollback a killed process left half done and clears stale git locks (under the lock). */
  recover(): Promise<void>;
  /** Resolves a user-given version or throws NOT_FOUND. */
  resolve(version: string): Promise<string>;
  locked<T>(operation: string, fn: () => Promise<T>): Promise<T>;
  verify(): Promise<VerifyReport>;
  exportTo(file: string): Promise<ExportResult>;
  importFrom(file: string, ctx: OperationContext): Promise<ImportResult>;
  prune(opts: { days: number; dryRun: boolean }): Promise<PruneResult>;
  /** Kinds of versioned files (settings, agents, install manifests) and their migration chains. */
  readonly migrations: MigrationRegistry;
  migrate(opts: { dryRun: boolean }, ctx: OperationContext): Promise<MigrationReport>;
}

export function createHistoryService(opts: HistoryServiceOptions): HistoryService {
  const repo = openHistoryRepo(opts.gitDir, opts.workTree, opts.logger, opts.toolContent);
  const log = opts.logger.child({ component: 'history' });
  const now = opts.now ?? (() => new Date());
  const migrations = createMigrationRegistry();
  let ready: Promise<void> | undefined;
  let recoveredOnce = false;

  const locked = <T>(operation: string, fn: () => Promise<T>) =>
    withLock(opts.lockFile, operation, async () => {
      await (ready ??= ensureHistoryRepo(repo).catch((e: unknown) => {
        ready = undefined;
        throw e;
      }));
      if (!recoveredOnce || fs.existsSync(journalFile(repo))) {
        recoveredOnce = true;
        await recoverUnlocked();
      }
      return fn();
    });

  const importGuard = (ops: ReadonlyArray<RestoreOp>, target: string) =>
    guardImport(repo, ops, target, opts.homeDir ?? os.homedir());

  /** The personal tree the last `beforeChange` saw, for the `record` of the same operation (personalUnchanged). */
  let personalBefore: { readonly key: string; readonly tree: string } | undefined;
  /** The personal tree `stagePersonal` wrote for the `beforeChange` of the same operation. */
  let staged: { readonly key: string; readonly tree: string } | undefined;
  const opKey = (op: ChangeOperation) => `${op.operation}\0${op.correlationId}`;

  async function snapshotUnlocked(
    meta: VersionMeta,
    toolFiles: ReadonlyArray<string> = [],
    extraParents: ReadonlyArray<string> = [],
    knownTree?: string,
    knownPersonal?: string,
  ): Promise<SnapshotResult & { personal?: string }> {
    const state = await headState(repo);
    const head = state?.commit;
    const parts = knownTree ? undefined : await writeTreeParts(repo, head, toolFiles, knownPersonal);
    const tree = knownTree ?? parts!.tree;
    const headTree = state?.tree;
    const personal = parts?.personal;
    if (head && tree === headTree && !extraParents.length)
      return { version: head, changed: false, ...(personal ? { personal } : {}) };
    const files = await changedPaths(repo, headTree, tree);
    const id = await commitVersion(repo, tree, [...(head ? [head] : []), ...extraParents], formatMessage(meta, files));
    if (parts) rememberManifest(repo, id, parts.tracked);
    log.info('version', {
      id,
      operation: meta.operation,
      phase: meta.phase,
      correlationId: meta.correlationId,
      files: files.length,
    });
    return { version: id, changed: true, ...(personal ? { personal } : {}) };
  }

  async function recoverUnlocked(): Promise<void> {
    const removed = clearStaleGitLocks(repo.gitDir);
    if (removed.length) log.warn('removed files a killed process left in the history store', { removed });
    for (const t of migrations.targets()) for (const f of t.files()) sweepTempFiles(path.dirname(f));
    sweepTempFiles(path.join(opts.backupsDir, 'migrations'), true);
    const j = readJournal(repo);
    if (!j) return;
    log.warn('finishing a rollback that was interrupted', { target: j.target, correlationId: j.correlationId });
    const current = await writeCurrentTree(repo, await headVersion(repo), []);
    const planned = await planRestore(repo, current, j.target, j.path);
    const ops = j.operation === 'history.import' ? (await importGuard(planned, j.target)).ops : planned;
    const unresolved = await applyRestore(repo, ops, undefined, opts.allowSymlinks?.() ?? []);
    if (unresolved.length) log.warn('restored tool files kept placeholders of missing secrets', { unresolved });
    await snapshotUnlocked({
      operation: j.operation,
      correlationId: j.correlationId,
      phase: 'rollback',
      message: j.message,
    });
    clearJournal(repo, j);
  }

  async function resolve(version: string): Promise<string> {
    const id = await resolveVersion(repo, version);
    if (!id)
      throw new AppError(
        'NOT_FOUND',
        `There is no version "${version}" in the history.`,
        'Pick an id from `ai-config history` (the first column).',
      );
    return id;
  }

  async function restoreUnlocked(
    target: string,
    req: { path?: string; dryRun?: boolean },
    ctx: OperationContext,
    operation: string,
    phase: VersionMeta['phase'],
    extraParents: ReadonlyArray<string> = [],
    guard?: (ops: RestoreOp[]) => Promise<RestoreOp[]>,
  ): Promise<RollbackResult> {
    const head = await headVersion(repo);
    const current = await writeCurrentTree(repo, head, []);
    const planned = await planRestore(repo, current, target, req.path);
    const ops = guard ? await guard(planned) : planned;
    const what = req.path
      ? `${req.path} to version ${target.slice(0, 10)}`
      : `everything to version ${target.slice(0, 10)}`;
    const changes = describeOps(ops);
    const base = { target, ...(req.path ? { path: req.path } : {}), changes };
    if (req.dryRun || (!ops.length && !extraParents.length)) {
      const message = ops.length
        ? `Rolling back ${what} would change ${ops.length} file${ops.length === 1 ? '' : 's'}.`
        : `Nothing to roll back: ${req.path ?? 'the workspace'} already matches version ${target.slice(0, 10)}.`;
      return { dryRun: !!req.dryRun, ...base, message };
    }
    ctx.progress({ phase: 'Saving the current state', percent: 0 });
    const before = head
      ? await snapshotUnlocked(
          { operation, correlationId: ctx.correlationId, phase: 'before', message: `state before restoring ${what}` },
          [],
          [],
          current,
        )
      : undefined;
    const message = `${phase === 'import' ? 'imported a backup and restored' : 'rolled back'} ${what}`;
    const journal = {
      target,
      ...(req.path ? { path: req.path } : {}),
      before: before?.version ?? '',
      operation,
      correlationId: ctx.correlationId,
      message,
      dirs: dirsOf(ops),
    };
    await writeJournal(repo, journal);
    const unresolved = await applyRestore(
      repo,
      ops,
      (n) => ctx.progress({ phase: 'Restoring files', percent: Math.round((n / ops.length) * 100) }),
      opts.allowSymlinks?.() ?? [],
    );
    const warnings = missingSecretWarnings(unresolved);
    // An empty history adopts the imported timeline as its own; otherwise the import joins it as a second parent.
    if (!before && extraParents.length)
      await repo.run(['update-ref', HISTORY_REF, extraParents[0]!], { operation: 'history adopt' });
    const after = await snapshotUnlocked(
      { operation, correlationId: ctx.correlationId, phase, message },
      [],
      before ? extraParents : [],
    );
    clearJournal(repo, journal);
    ctx.progress({ phase: 'Done', done: true });
    const undo = before?.version
      ? ` Undo with \`ai-config rollback ${before.version.slice(0, 10)}${req.path ? ` ${req.path}` : ''}\`.`
      : '';
    const headline = phase === 'import' ? 'Restored the imported backup' : `Rolled back ${what}`;
    return {
      dryRun: false,
      ...base,
      ...(before?.version ? { before: before.version } : {}),
      ...(after.version ? { after: after.version } : {}),
      message: `${headline}: ${ops.length} file${ops.length === 1 ? '' : 's'} changed.${undo}`,
      ...(warnings.length ? { warnings } : {}),
    };
  }

  const toMeta = (op: ChangeOperation, phase: VersionMeta['phase']): VersionMeta => ({
    operation: op.operation,
    correlationId: op.correlationId,
    phase,
    ...(op.message ? { message: op.message } : {}),
  });

  return {
    repo,
    locked,
    resolve: (v) => locked('history.resolve', () => resolve(v)),
    stagePersonal: (op) =>
      locked(op.operation, async () => {
        staged = { key: opKey(op), tree: await writePersonalTree(repo) };
      }),
    beforeChange: (op) =>
      locked(op.operation, async () => {
        const early = staged?.key === opKey(op) ? staged.tree : undefined;
        staged = undefined;
        const r = await snapshotUnlocked(toMeta(op, 'before'), op.externalFiles, [], undefined, early);
        personalBefore = r.personal ? { key: opKey(op), tree: r.personal } : undefined;
        return r.version;
      }),
    record: (op) =>
      locked(op.operation, async () => {
        const reuse = op.personalUnchanged && personalBefore?.key === opKey(op) ? personalBefore.tree : undefined;
        personalBefore = undefined;
        return (await snapshotUnlocked(toMeta(op, 'after'), op.externalFiles, [], undefined, reuse)).version;
      }),
    snapshot: (meta, toolFiles) => locked(meta.operation, () => snapshotUnlocked(meta, toolFiles)),
    recover: () => locked('history.recover', async () => undefined),
    // Reading the timeline needs no lock (git reads are consistent), unless a killed rollback must be finished first.
    list: (o) =>
      fs.existsSync(path.join(opts.gitDir, 'HEAD')) && !fs.existsSync(journalFile(repo))
        ? listVersions(repo, o)
        : locked('history.list', () => listVersions(repo, o)),
    diff: (from, to, path) =>
      locked('history.diff', async () => {
        const fromId = await resolve(from);
        const toTree = to
          ? await treeOf(repo, await resolve(to))
          : await writeCurrentTree(repo, await headVersion(repo), []);
        return diffTrees(
          repo,
          await treeOf(repo, fromId),
          toTree,
          { from: fromId, to: to ? await resolve(to) : 'current' },
          path ? entryFor(path) : undefined,
        );
      }),
    rollback: (req, ctx) =>
      locked('history.rollback', async () =>
        restoreUnlocked(await resolve(req.version), req, ctx, 'history.rollback', 'rollback'),
      ),
    verify: () => locked('history.verify', () => verifyHistory(repo)),
    exportTo: (file) => locked('history.export', () => exportBundle(repo, file)),
    importFrom: (file, ctx) =>
      locked('history.import', async () => {
        const { tip, versions } = await fetchBundle(repo, file, now());
        let refused: RefusedPath[] = [];
        const restored = await restoreUnlocked(tip, {}, ctx, 'history.import', 'import', [tip], async (ops) => {
          const g = await importGuard(ops, tip);
          refused = g.refused;
          return g.ops;
        });
        if (refused.length) log.warn('an imported backup named files it may not write', { refused });
        return { file, versions, restored, ...(refused.length ? { refused } : {}) };
      }),
    migrations,
    migrate: (o, ctx) =>
      locked('history.migrate', () =>
        runMigrations({
          registry: migrations,
          backupsDir: opts.backupsDir,
          now: now(),
          dryRun: o.dryRun,
          ctx,
          snapshot: (phase, files) =>
            snapshotUnlocked({ operation: 'history.migrate', correlationId: ctx.correlationId, phase }, files),
        }),
      ),
    prune: (o) => locked('history.prune', () => pruneHistory(repo, { now: now(), days: o.days, dryRun: o.dryRun })),
  };
}
