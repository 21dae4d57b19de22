import type { Repair } from '../health/types';
import type { IndexService } from './service';

/** The health repair behind the "Search index fresh" check: rebuild the index from scratch. */
export function rebuildIndexRepair(index: IndexService): Repair {
  return {
    id: 'rebuild-index',
    title: 'Rebuild the search index',
    async run(ctx) {
      // The repair runner writes the audit record for this repair; the rebuild does not add a second one.
      const s = await index.rebuild(ctx.op, { audit: false });
      return {
        outcome: 'repaired',
        actions: [`Indexed ${s.files} files again (${s.terms} distinct words) into ${s.cacheFile}`],
      };
    },
  };
}
