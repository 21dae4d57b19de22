import path from 'node:path';
import { leftoverMoveBackups, pendingMoves } from '../../library/update-journal';
import type { Check } from '../types';

const REPAIR = 'finish-library-moves';

const interrupted = (names: ReadonlyArray<string>) =>
  `A library update, pin or rollback of ${names.join(', ')} was interrupted: the source may be part moved and ` +
  'its local edits are in the backup the journal names. The next command puts them back, or the repair now.';

const leftover = (dirs: ReadonlyArray<string>) =>
  `${dirs.length} backup(s) of local library edits were left behind by a finished or never-started update ` +
  `(${dirs.map((d) => path.basename(d)).join(', ')}); the edits are in place, the copies only take space.`;

/** A journal (state/source-moves/) or a backup (state/backups/source-moves/) that a killed library update left. */
export const libraryMovesCheck: Check = {
  id: 'library-moves',
  title: 'No interrupted library update',
  run(ctx) {
    const fix = ctx.hasRepair(REPAIR) ? { fix: { id: REPAIR, title: 'Put the edits back and clean up' } } : {};
    const pending = pendingMoves(ctx.paths.state);
    if (pending.length) {
      const names = pending.map((p) => p.journal?.source ?? path.basename(p.file, '.json'));
      return { status: 'warn', explanation: interrupted(names), ...fix };
    }
    const left = leftoverMoveBackups(ctx.paths.state, ctx.paths.backups);
    if (left.length) return { status: 'warn', explanation: leftover(left), ...fix };
    return { status: 'ok', explanation: 'No library update was interrupted.' };
  },
};
