import fs from 'node:fs';
import path from 'node:path';
import { walkLibrary } from '../../library/walk';
import type { Check } from '../types';
import { formatMs, listDir, readableSettings } from './util';

/** The newest modification time of any file under `dir` (0 when there is none). */
export function newestMtime(dir: string, depth = 3): number {
  let newest = 0;
  for (const e of listDir(dir)) {
    const abs = path.join(dir, e.name);
    if (e.isFile()) newest = Math.max(newest, fs.statSync(abs).mtimeMs);
    else if (e.isDirectory() && depth > 0) newest = Math.max(newest, newestMtime(abs, depth - 1));
  }
  return newest;
}

/**
 * A staleness probe for the persisted index (state/index): it should be at least as new as the newest
 * library file. It reads only modification times, so it works whatever format the index uses.
 */
export const indexFreshCheck: Check = {
  id: 'index',
  title: 'Search index fresh',
  async run(ctx) {
    if (!readableSettings(ctx)) return { status: 'ok', explanation: 'No workspace yet, so there is nothing to index.' };
    const indexed = newestMtime(ctx.paths.index);
    if (!indexed)
      return {
        status: 'ok',
        explanation: `No persisted index yet (${ctx.paths.index}); it is built the first time the library is searched.`,
      };
    let newestFile = 0;
    let newestName = '';
    for (const root of ctx.roots()) {
      for (const f of await walkLibrary(root.dir, { ignore: root.ignore ?? [] })) {
        if (f.mtimeMs > newestFile) {
          newestFile = f.mtimeMs;
          newestName = `${root.name}/${f.rel}`;
        }
      }
    }
    if (newestFile <= indexed + 1000)
      return { status: 'ok', explanation: 'The index is newer than every library file.' };
    return {
      status: 'warn',
      explanation:
        `The index is ${formatMs(newestFile - indexed)} older than ${newestName}; ` +
        'search results may miss recent edits until it is rebuilt.',
      ...(ctx.hasRepair('rebuild-index') ? { fix: { id: 'rebuild-index', title: 'Rebuild the index' } } : {}),
    };
  },
};
