import type { Repair } from '../health/types';
import type { HistoryService } from './service';

const NOTHING_DELETED =
  'Nothing was deleted. Copy state/history.git aside and restore it from a backup (`ai-config backup import FILE`), ' +
  'or keep working: new versions are unaffected.';

/**
 * `repair-history`: finishes a rollback a killed process left half done and clears stale git locks (the history
 * service's recover), then verifies every version and stored file and reports what it found. It never deletes
 * or rewrites versions: a damaged object is named with the versions that need it, for a person to decide.
 */
export function historyRepair(history: Pick<HistoryService, 'recover' | 'verify'>): Repair {
  return {
    id: 'repair-history',
    title: 'Repair the history store',
    async run() {
      await history.recover();
      const v = await history.verify();
      const checked = `checked ${v.versions} version(s) and ${v.objectsChecked} stored file(s)`;
      if (v.ok)
        return {
          outcome: 'repaired',
          actions: ['finished any interrupted rollback and cleared stale git locks', `${checked}: all intact`],
        };
      return {
        outcome: 'failed',
        actions: [
          'finished any interrupted rollback and cleared stale git locks',
          `${checked}: ${v.problems.slice(0, 5).join('; ') || 'problems found'}`,
          ...v.corruptVersions
            .slice(0, 10)
            .map(
              (c) =>
                `version ${c.id.slice(0, 10)} (${c.operation}, ${c.date}) cannot be fully restored: ` +
                c.objects.slice(0, 3).join(', '),
            ),
          NOTHING_DELETED,
        ],
      };
    },
  };
}
