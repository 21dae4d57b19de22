import path from 'node:path';
import type { SourceSettings } from '../../shared/settings';
import type { RepoCtx } from './git-ops';
import { moveKeepingEdits, type MoveResult } from './local-edits';
import { readSourceState, writeSourceState } from './source-state';
import { moveBackupsDir, moveJournalFile } from './update-journal';
import type { SourcesContext } from './sources-context';

/** A move that changed nothing: no edits kept, no conflicts. */
export const NOOP_MOVE: MoveResult = { kept: [], conflicts: [] };

/** Moves a source to `target`, keeping local edits, merging conflicts into the state file. */
export async function moveSource(
  sc: SourcesContext,
  s: SourceSettings,
  r: RepoCtx,
  from: string,
  target: string,
  op: string,
): Promise<MoveResult> {
  const { paths, deps, now } = sc;
  if (from === target) return NOOP_MOVE;
  const stamp = Date.now();
  const backup = path.join(moveBackupsDir(paths.backups), `${s.name}-${stamp}`);
  const move = await moveKeepingEdits(r, from, target, backup, now(), {
    file: moveJournalFile(paths.state, s.name),
    source: s.name,
    keepDir: path.join(paths.backups, 'sources', `${s.name}-mine-${stamp}`),
  });
  if (move.conflicts.length) {
    const st = readSourceState(paths.state, s.name);
    const fresh = new Set(move.conflicts.map((c) => c.path));
    await writeSourceState(paths.state, s.name, {
      ...st,
      conflicts: [...st.conflicts.filter((c) => !fresh.has(c.path)), ...move.conflicts],
    });
  }
  deps.logger.info('source moved', {
    source: s.name,
    op,
    from,
    to: target,
    kept: move.kept.length,
    conflicts: move.conflicts.length,
  });
  return move;
}
