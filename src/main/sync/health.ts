import fs from 'node:fs';
import type { Check, Repair } from '../health/types';
import type { Paths } from '../workspace/paths';
import { disconnectJournalFile } from './disconnect-journal';
import type { SyncService } from './service';

const REPAIR_ID = 'finish-sync-disconnect';
const REPAIR_TITLE = 'Finish the interrupted sync disconnect';

/** Warns when a `sync disconnect` was killed part-way (its journal is still in state/), offering to finish it. */
export function interruptedDisconnectCheck(paths: Paths): Check {
  return {
    id: 'sync-disconnect',
    title: 'Interrupted sync disconnect',
    run(ctx) {
      if (!fs.existsSync(disconnectJournalFile(paths)))
        return { status: 'ok', explanation: 'No sync disconnect was interrupted.' };
      return {
        status: 'warn',
        explanation:
          'A `sync disconnect` stopped part-way (state/sync-disconnect.json). Run `ai-config sync disconnect` or ' +
          '`ai-config doctor --fix` to finish it.',
        ...(ctx.hasRepair(REPAIR_ID) ? { fix: { id: REPAIR_ID, title: REPAIR_TITLE } } : {}),
      };
    },
  };
}

/** Completes the interrupted disconnect from its journal, as the next `sync disconnect` would. */
export function finishDisconnectRepair(sync: Pick<SyncService, 'finishDisconnect'>): Repair {
  return {
    id: REPAIR_ID,
    title: REPAIR_TITLE,
    async run(ctx) {
      const r = await sync.finishDisconnect(ctx.op);
      if (!r) return { outcome: 'skipped', actions: ['no sync disconnect was interrupted'] };
      return { outcome: 'repaired', actions: [r.message] };
    },
  };
}
