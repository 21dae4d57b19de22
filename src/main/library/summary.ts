import type { UpdateResult } from '../../shared/sources';
import { commitsBetween, filesBetween, isAncestor, type RepoCtx } from './git-ops';
import type { MoveResult } from './local-edits';

/** What changed between two versions of a source: the commits (either direction) and the files. */
export async function summarize(
  r: RepoCtx,
  source: string,
  from: string,
  to: string,
  move: MoveResult,
  verb: string,
): Promise<UpdateResult> {
  if (from === to) {
    return {
      source,
      status: 'up-to-date',
      from,
      to,
      commits: [],
      files: { added: [], modified: [], deleted: [] },
      kept: move.kept,
      conflicts: move.conflicts.map((c) => c.path),
      message: `${source} is up to date at ${to.slice(0, 10)}.`,
    };
  }
  const forward = await isAncestor(r, from, to);
  const commits = forward ? await commitsBetween(r, from, to) : await commitsBetween(r, to, from);
  const files = await filesBetween(r, from, to);
  const n = commits.length;
  const fileCount = files.added.length + files.modified.length + files.deleted.length;
  const conflictNote = move.conflicts.length
    ? ` ${move.conflicts.length} file(s) edited on both sides kept your version: resolve with keep mine or take theirs.`
    : '';
  const keptNote = move.kept.length ? ` Kept ${move.kept.length} local edit(s).` : '';
  const direction = forward ? `${n} new commit${n === 1 ? '' : 's'}` : `${n} commit${n === 1 ? '' : 's'} undone`;
  const changed = `${fileCount} file${fileCount === 1 ? '' : 's'} changed`;
  return {
    source,
    status: 'updated',
    from,
    to,
    commits,
    files,
    kept: move.kept,
    conflicts: move.conflicts.map((c) => c.path),
    message:
      `${verb} ${source} ${from.slice(0, 10)} -> ${to.slice(0, 10)}: ` +
      `${direction}, ${changed}.${keptNote}${conflictNote}`,
  };
}
