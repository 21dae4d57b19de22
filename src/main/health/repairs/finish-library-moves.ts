import fs from 'node:fs';
import path from 'node:path';
import { recoverSourceMoves } from '../../library/recover-moves';
import { leftoverMoveBackups, pendingMoves } from '../../library/update-journal';
import type { Repair } from '../types';

/**
 * `finish-library-moves`: puts back every source a killed update left part moved (the start-up recovery, in
 * case it could not run), then removes backups no journal names (their edits are in place).
 */
export const finishLibraryMovesRepair: Repair = {
  id: 'finish-library-moves',
  title: 'Finish interrupted library updates',
  async run(ctx) {
    const actions: string[] = [];
    for (const r of await recoverSourceMoves(ctx.paths, ctx.logger)) {
      actions.push(`put ${r.restored} local edit(s) of ${r.source} back`);
      if (r.conflicts.length) actions.push(`${r.conflicts.length} in conflict, kept in ${r.kept}`);
    }
    for (const p of pendingMoves(ctx.paths.state))
      actions.push(`could not read ${p.file}; it is left for a person to look at`);
    for (const dir of leftoverMoveBackups(ctx.paths.state, ctx.paths.backups)) {
      await fs.promises.rm(dir, { recursive: true, force: true });
      actions.push(`removed the leftover backup ${path.basename(dir)}`);
    }
    const failed = pendingMoves(ctx.paths.state).length > 0;
    return { outcome: failed ? 'failed' : 'repaired', actions: actions.length ? actions : ['nothing to do'] };
  },
};
