import { AppError, isAppError } from '../../shared/errors';
import type { SourceInfo, UpdateResult } from '../../shared/sources';
import type { OperationContext } from '../context';
import { fetchOrigin, headCommit, resolveCommit } from './git-ops';
import { moveSource } from './move-source';
import { sourceInfoOf } from './source-info';
import { readSourceState, writeSourceState } from './source-state';
import type { SourcesContext } from './sources-context';
import { summarize } from './summary';
import { withContentCheck } from './content-check';

/** Pins a source to `ref` (fetching first when it can), keeping local edits; updates stop there. */
export function pinSource(sc: SourcesContext, name: string, ref: string, ctx: OperationContext): Promise<UpdateResult> {
  const { now } = sc;
  const s = sc.requireGit(sc.find(name));
  return sc.mutate(
    'library.pin',
    name,
    ctx,
    async () => {
      sc.requirePresent(s);
      const r = sc.repo(s, ctx, undefined, true);
      await fetchOrigin(r).catch((e: unknown) =>
        ctx.logger.info('pin: fetch failed, using local refs', {
          source: name,
          error: isAppError(e) ? e.code : String(e),
        }),
      );
      const target = await resolveCommit(r, ref);
      const from = await headCommit(r);
      const move = await moveSource(sc, s, r, from, target, 'pin');
      await sc.saveSources((all) => all.map((x) => (x.name === name ? { ...x, pinned: ref } : x)));
      await sc.recordVersion(name, target, 'pin', { lastUpdate: now() });
      const result = await withContentCheck(
        sc.paths.state,
        sc.paths.sourceDir(name),
        await summarize(r, name, from, target, move, `Pinned to ${ref}:`),
      );
      return { ...result, message: `${result.message} Updates stop here until \`library unpin ${name}\`.` };
    },
    (v) => ({ ref, from: v.from, to: v.to }),
  );
}

/** Removes a source's pin, so updates follow its branch again. */
export function unpinSource(sc: SourcesContext, name: string, ctx: OperationContext): Promise<SourceInfo> {
  const s = sc.requireGit(sc.find(name));
  return sc.mutate(
    'library.unpin',
    name,
    ctx,
    async () => {
      await sc.saveSources((all) => all.map((x) => (x.name === name ? (({ pinned: _p, ...rest }) => rest)(x) : x)));
      return sourceInfoOf(sc, s.name);
    },
    (v) => ({ commit: v.commit }),
  );
}

/** Moves a source one version back (-1, rollback) or forward (+1, roll forward) along its versions trail. */
export async function stepSource(
  sc: SourcesContext,
  name: string,
  direction: -1 | 1,
  ctx: OperationContext,
): Promise<UpdateResult> {
  const { paths, now } = sc;
  const s = sc.requireGit(sc.find(name));
  const op = direction < 0 ? 'library.rollback' : 'library.rollforward';
  return sc.mutate(
    op,
    name,
    ctx,
    async () => {
      sc.requirePresent(s);
      const st = readSourceState(paths.state, name);
      const next = st.trail[st.position + direction];
      if (!next) {
        throw new AppError(
          'NOT_FOUND',
          direction < 0
            ? `${name} has no earlier version to roll back to.`
            : `${name} has no later version to roll forward to.`,
          'See `ai-config library log NAME` for the versions; pin one with `library pin NAME REF`.',
        );
      }
      const r = sc.repo(s, ctx);
      const from = await headCommit(r);
      const move = await moveSource(sc, s, r, from, next.commit, op);
      const latest = readSourceState(paths.state, name);
      await writeSourceState(paths.state, name, { ...latest, position: st.position + direction, lastUpdate: now() });
      const verb = direction < 0 ? 'Rolled back' : 'Rolled forward';
      return withContentCheck(
        paths.state,
        sc.paths.sourceDir(name),
        await summarize(r, name, from, next.commit, move, verb),
      );
    },
    (v) => ({ from: v.from, to: v.to, commits: v.commits.length, conflicts: v.conflicts }),
  );
}
