import { AppError, isAppError } from '../../shared/errors';
import type { SourceSettings } from '../../shared/settings';
import type { UpdateResult } from '../../shared/sources';
import type { OperationContext } from '../context';
import { ensureGit } from '../git/core';
import { withContentCheck } from './content-check';
import { commitInfo, currentBranch, fetchOrigin, headCommit, isAncestor, resolveCommit } from './git-ops';
import { moveSource, NOOP_MOVE } from './move-source';
import { inUseSince, readSourceState, writeSourceState } from './source-state';
import type { SourcesContext } from './sources-context';
import { summarize } from './summary';

/** The message for a source whose upstream cannot be reached: the version it stays at and since when. */
function offlineMessage(s: SourceSettings, head: { hash: string; subject: string } | undefined, since?: string) {
  const at = head ? `${head.hash.slice(0, 10)} (${head.subject})` : 'its current version';
  return `Could not reach ${s.url}: ${s.name} stays at ${at}${since ? `, in use since ${since}` : ''}.`;
}

/** The message for an upstream whose history was rewritten, so it cannot be fast-forwarded. */
function rewrittenMessage(s: SourceSettings, from: string): string {
  return (
    `Upstream history of ${s.name} (${s.url}) was rewritten; ` +
    `it cannot be fast-forwarded from ${from.slice(0, 10)}.`
  );
}

/** The hint for a rewritten upstream: pin a version, or remove and add the source again. */
function rewrittenHint(s: SourceSettings): string {
  return (
    `Pin a version with \`ai-config library pin ${s.name} REF\`, ` +
    'or remove and add the source again (your local edits are backed up on remove).'
  );
}

/** The OFFLINE error for an unreachable upstream, naming the version the source stays at. */
async function offlineError(sc: SourcesContext, s: SourceSettings, e: AppError): Promise<AppError> {
  const head = await commitInfo(sc.repo(s), 'HEAD').catch(() => undefined);
  const since = inUseSince(readSourceState(sc.paths.state, s.name)) ?? head?.date;
  return new AppError(
    'OFFLINE',
    offlineMessage(s, head, since),
    'Everything else works offline. Run the update again when the network is back.',
    { source: s.name, ...(head ? { commit: head.hash } : {}), ...(since ? { since } : {}), cause: e.code },
  );
}

/** Fetches one source and fast-forwards it (or moves it to its pin), keeping local edits. */
async function updateOne(
  sc: SourcesContext,
  s: SourceSettings,
  ctx: OperationContext,
  signal: AbortSignal,
): Promise<UpdateResult> {
  const { paths, now } = sc;
  if (s.kind !== 'git') {
    return {
      source: s.name,
      status: 'skipped',
      commits: [],
      files: { added: [], modified: [], deleted: [] },
      kept: [],
      conflicts: [],
      message: `${s.name} is the built-in starter library; nothing to fetch.`,
    };
  }
  sc.requirePresent(s);
  const r = sc.repo(s, ctx, signal, true);
  ctx.progress({ phase: `Fetching ${s.name}`, percent: 0 });
  try {
    await sc.withHostKey(s.url, false, ctx, () =>
      fetchOrigin(r, (p) =>
        ctx.progress({ phase: `${s.name}: ${p.phase}`, ...(p.percent !== undefined ? { percent: p.percent } : {}) }),
      ),
    );
  } catch (e) {
    if (isAppError(e) && e.code === 'NETWORK_UNREACHABLE') throw await offlineError(sc, s, e);
    throw e;
  }
  const st = readSourceState(paths.state, s.name);
  await writeSourceState(paths.state, s.name, { ...st, lastFetch: now() });
  const branch = s.branch ?? (await currentBranch(r));
  let target: string;
  if (s.pinned) target = await resolveCommit(r, s.pinned);
  else {
    try {
      target = await resolveCommit(r, `refs/remotes/origin/${branch}`);
    } catch {
      throw new AppError(
        'BRANCH_MISSING',
        `The branch "${branch}" (source "${s.name}", field "branch") does not exist on ${s.url}.`,
        'Check the branch name upstream; remove and add the source with the right --branch.',
      );
    }
  }
  const from = await headCommit(r);
  if (!s.pinned && from !== target && !(await isAncestor(r, from, target))) {
    if (await isAncestor(r, target, from)) {
      // We are ahead of upstream only after a roll forward past a since-rewritten tip: treat as up to date.
      return summarize(r, s.name, from, from, NOOP_MOVE, 'Updated');
    }
    throw new AppError('CONFLICT', rewrittenMessage(s, from), rewrittenHint(s), { source: s.name, from, to: target });
  }
  ctx.progress({ phase: `Applying ${s.name}`, percent: 100 });
  const move = await moveSource(sc, s, r, from, target, 'update');
  if (from !== target) await sc.recordVersion(s.name, target, 'update', { lastUpdate: now() });
  const result = await summarize(r, s.name, from, target, move, 'Updated');
  return withContentCheck(paths.state, paths.sourceDir(s.name), result);
}

/** Updates one source, or all of them (where one failing source does not stop the others). */
export async function updateSources(
  sc: SourcesContext,
  name: string | undefined,
  ctx: OperationContext,
): Promise<UpdateResult[]> {
  await ensureGit(ctx.logger);
  const targets = name ? [sc.find(name)] : sc.settings().sources;
  const results: UpdateResult[] = [];
  for (const s of targets) {
    const one = () =>
      sc.mutate(
        'library.update',
        s.name,
        ctx,
        () => sc.track(ctx, (signal) => updateOne(sc, s, ctx, signal)),
        (v) => ({
          from: v.from,
          to: v.to,
          commits: v.commits.length,
          files: {
            added: v.files.added.length,
            modified: v.files.modified.length,
            deleted: v.files.deleted.length,
          },
          kept: v.kept,
          conflicts: v.conflicts,
          findings: v.findings?.length ?? 0,
          needsApproval: v.needsApproval?.map((p) => p.name) ?? [],
        }),
        (v) => v.status !== 'updated',
      );
    if (name) {
      results.push(await one());
      continue;
    }
    // Updating all: one unreachable or failing source does not stop the others.
    try {
      results.push(await one());
    } catch (e) {
      if (!isAppError(e) || e.code === 'CANCELLED') throw e;
      results.push({
        source: s.name,
        status: 'failed',
        commits: [],
        files: { added: [], modified: [], deleted: [] },
        kept: [],
        conflicts: [],
        message: e.message,
        error: { code: e.code, message: e.message, hint: e.hint },
      });
    }
  }
  ctx.progress({ phase: 'Done', percent: 100, done: true });
  return results;
}
