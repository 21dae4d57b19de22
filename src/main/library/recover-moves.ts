import path from 'node:path';
import type { Logger } from '../observability/logger';
import { withLock } from '../workspace/lock';
import type { Paths } from '../workspace/paths';
import { readSourceState, writeSourceState } from './source-state';
import { pendingMoves, recoverMove, type RecoveredMove } from './update-journal';

/**
 * What every start runs first (the CLI, the host and the app, through the runtime): puts back each library
 * source a killed update, pin or rollback left part moved. One folder read when there is nothing to do.
 * An edit that cannot go back in place is recorded as a conflict of the source (its bytes are kept in backups).
 */
export async function recoverSourceMoves(paths: Paths, logger: Logger): Promise<ReadonlyArray<RecoveredMove>> {
  if (!pendingMoves(paths.state).length) return [];
  return withLock(paths.lock, 'library.recover', async () => {
    const out: RecoveredMove[] = [];
    for (const p of pendingMoves(paths.state)) {
      if (!p.journal) {
        logger.error('an interrupted library update left a journal that cannot be read', { file: p.file });
        continue;
      }
      const keep = path.join(paths.backups, 'sources', `${p.journal.source}-mine-${Date.now()}`);
      const r = await recoverMove(p.file, p.journal, keep, logger);
      if (r.conflicts.length) {
        const st = readSourceState(paths.state, r.source);
        const since = new Date().toISOString();
        const fresh = r.conflicts.map((c) => ({ path: c, mineDeleted: false, since }));
        await writeSourceState(paths.state, r.source, {
          ...st,
          conflicts: [...st.conflicts.filter((c) => !r.conflicts.includes(c.path)), ...fresh],
        });
      }
      out.push(r);
    }
    return out;
  });
}
