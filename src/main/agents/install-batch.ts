import path from 'node:path';
import type { InstallPlan, InstallResult } from '../../shared/agents';
import { AppError } from '../../shared/errors';
import type { OperationContext } from '../context';
import { withLock } from '../workspace/lock';
import type { AgentContext } from './agent-context';
import { needsApprovalError } from './approval-gate';
import { applyFiles, readText } from './apply';
import { missingDirs, removeEmptyDirs } from './created-dirs';
import { readThroughBoundary } from './fs-roots';
import { nextManifest, prepareInstall, type Shared } from './install-plan';
import type { InstallRequest } from './install-request';
import { journaled } from './journal';
import { beforeOf } from './journal-entry';
import { loadManifest, saveManifest } from './manifest';
import type { PlannedFile } from './plan';

/**
 * One or several installs (or uninstalls) as one operation, e.g. one agent into six tools: one lock, one library
 * walk, one manifest read. Every tool is planned first, each against the files as the ones before it would leave
 * them (two tools may share a file), so a drift or an error in any of them stops the whole run before anything is
 * written. Then one history snapshot before, one journaled write of every file and the manifest (all or nothing,
 * even if the process is killed), one snapshot after, and one audit record per install sharing those versions.
 */
export function runBatch(
  ac: AgentContext,
  reqs: ReadonlyArray<InstallRequest>,
  operation: 'install' | 'uninstall',
  ctx: OperationContext,
): Promise<InstallResult[]> {
  const { deps, journal, recover } = ac;
  const opName = `agent.${operation}`;
  const started = Date.now();
  const targetOf = (req: InstallRequest) =>
    `${req.name}@${req.tool}:${req.scope}${req.project ? `:${req.project}` : ''}`;
  const dryRun = reqs.some((r) => r.dryRun);
  if (dryRun && !reqs.every((r) => r.dryRun))
    throw new AppError(
      'INVALID_REQUEST',
      'Some of these installs are dry runs and some are not.',
      'Preview them all (--dry-run) or run them all.',
    );
  return withLock(deps.lockFile, opName, async () => {
    // Undo a transaction a killed process left behind before the manifest is read.
    await recover();
    // The history's walk of the personal workspace runs in a git process while we plan (nothing is written before
    // beforeChange); always awaited before the lock is let go.
    const staging = dryRun
      ? undefined
      : deps.history.stagePersonal?.({ operation: opName, correlationId: ctx.correlationId }).catch(() => undefined);
    try {
      return await planAndWrite(staging);
    } finally {
      await staging;
    }
  });
  async function planAndWrite(staging: Promise<void> | undefined): Promise<InstallResult[]> {
    ctx.progress({ phase: 'Planning', percent: 10 });
    const manifestBefore = readText(deps.manifestFile);
    const shared: Shared = { manifest: loadManifest(deps.manifestFile) };
    // What the installs planned so far would leave in each file, so the next one plans on top of it.
    const pending = new Map<string, PlannedFile>();
    // Tool files are read through the boundary: a symlink the user did not allow fails the plan (SYMLINK_REFUSED).
    const roots = ac.rootOptions(reqs);
    const rootOf = ac.rootOf(reqs);
    const read = (file: string) => (pending.has(file) ? pending.get(file)!.after : readThroughBoundary(rootOf, file));
    const planned: Array<{ req: InstallRequest; plan: InstallPlan; changed: ReadonlyArray<PlannedFile> }> = [];
    let manifestChanged = false;
    // Folders our installs created that they no longer need: removed after the write if empty.
    const removeDirs: string[] = [];
    for (const req of reqs) {
      const { plan, out, previous, key, needsApproval } = await prepareInstall(
        ac,
        req,
        operation,
        dryRun,
        shared,
        read,
      );
      if (needsApproval.length && !dryRun) throw needsApprovalError(req.name, needsApproval);
      if (plan.blocked && !dryRun) {
        const drifted = plan.files.filter((f) => f.drift.length && f.action === 'skip').map((f) => f.path);
        throw new AppError(
          'DRIFT',
          `Changed since the last install (or not ours): ${drifted.join(', ')}. Nothing was written.`,
          'Review the diff (--dry-run, or the preview in the app) and choose --on-drift overwrite, adopt or skip.',
          { files: drifted, plan },
        );
      }
      const changed = out.files.filter((f) => f.after !== f.before);
      for (const f of changed) pending.set(f.path, { ...f, before: pending.get(f.path)?.before ?? f.before });
      const created = dryRun ? [] : missingDirs(changed, rootOf);
      const { manifest: next, removeDirs: drop } = nextManifest(
        ac,
        shared.manifest,
        key,
        out,
        operation,
        previous,
        created,
      );
      removeDirs.push(...drop);
      if (next) {
        shared.manifest = next;
        manifestChanged = true;
      }
      planned.push({ req, plan, changed });
    }
    ac.walked.justWalked = shared.files;
    if (dryRun) return planned.map((p) => ({ ...p.plan, dryRun: true, written: 0 }));
    const changed = [...pending.values()].filter((f) => f.after !== f.before);
    if (!changed.length && !manifestChanged) {
      for (const p of planned)
        deps.audit.append({
          operation: opName,
          target: targetOf(p.req),
          result: 'noop',
          durationMs: Date.now() - started,
          correlationId: ctx.correlationId,
          details: { files: 0 },
        });
      ctx.progress({ phase: 'Nothing to change', done: true });
      return planned.map((p) => ({ ...p.plan, dryRun: false, written: 0 }));
    }
    const personal = deps.personalDir();
    const historyOp = {
      operation: opName,
      correlationId: ctx.correlationId,
      externalFiles: changed.map((f) => f.path),
      message: `${operation} ${reqs.map(targetOf).join(', ')}`,
      personalUnchanged: !changed.some((f) => isInside(personal, f.path)),
    };
    try {
      await staging;
      const versionBefore = await deps.history.beforeChange(historyOp);
      ctx.progress({ phase: 'Writing', percent: 50 });
      // Files a secret was resolved into: their placeholder form recorded for history first, then written 0600.
      const secretFiles = deps.toolPlaceholders?.prepare(changed);
      await journaled(
        journal,
        {
          files: changed.map((f) => beforeOf(f, rootOf)),
          manifest: { file: deps.manifestFile, ...(manifestBefore !== undefined ? { before: manifestBefore } : {}) },
          roots,
        },
        async () => {
          await applyFiles(changed, { rootOf, privatePaths: secretFiles });
          if (manifestChanged) await saveManifest(deps.manifestFile, shared.manifest);
        },
      );
      removeEmptyDirs(removeDirs, rootOf);
      const versionAfter = await deps.history.record(historyOp);
      for (const p of planned) {
        deps.audit.append({
          operation: opName,
          target: targetOf(p.req),
          result: p.changed.length ? 'ok' : 'noop',
          durationMs: Date.now() - started,
          correlationId: ctx.correlationId,
          ...(versionBefore ? { versionBefore } : {}),
          ...(versionAfter ? { versionAfter } : {}),
          details: {
            files: p.plan.files.map((f) => ({ path: f.path, action: f.action })),
            warnings: p.plan.warnings.length,
          },
        });
      }
      ctx.progress({ phase: 'Done', done: true });
      return planned.map((p) => ({ ...p.plan, dryRun: false, written: p.changed.length }));
    } catch (e) {
      for (const p of planned)
        deps.audit.append({
          operation: opName,
          target: targetOf(p.req),
          result: 'failed',
          durationMs: Date.now() - started,
          correlationId: ctx.correlationId,
          error: { code: e instanceof AppError ? e.code : 'INTERNAL', message: (e as Error).message },
        });
      throw e;
    }
  }
}

/** One install or uninstall: a batch of one. */
export async function runOne(
  ac: AgentContext,
  req: InstallRequest,
  operation: 'install' | 'uninstall',
  ctx: OperationContext,
): Promise<InstallResult> {
  return (await runBatch(ac, [req], operation, ctx))[0]!;
}

/** Whether `file` lies inside `dir` (not `dir` itself). */
function isInside(dir: string, file: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}
