import { libraryRoot, readInRootAsync } from '../../workspace/boundary';
import type { CheckStatus } from '../../../shared/ipc/channels/health';
import { listLibrary } from '../../library/tree';
import type { Check } from '../types';
import { formatMs, readableSettings } from './util';

const grade = (ms: number, expect: number): CheckStatus => (ms > expect * 5 ? 'fail' : ms > expect ? 'warn' : 'ok');

const SLOW_CAUSES =
  'That is slower than expected: a slow or network disk, a very large library, ' +
  'or antivirus scanning the folder can cause it.';

/**
 * Times a full listing of the library and a full-text search over every file, against expectations.
 * Records the library's size for the Analytics screen on the way.
 */
export const performanceCheck: Check = {
  id: 'performance',
  title: 'Performance probe (listing and search)',
  async run(ctx) {
    if (!readableSettings(ctx)) return { status: 'ok', explanation: 'No workspace yet.' };
    const roots = ctx.roots();
    const t0 = performance.now();
    const entries = await listLibrary(roots);
    const listMs = performance.now() - t0;
    const dirs = new Map(roots.map((r) => [r.name, r.dir]));
    const needle = 'agent';
    const t1 = performance.now();
    let hits = 0;
    for (const e of entries) {
      const dir = dirs.get(e.source);
      if (!dir) continue;
      try {
        const buf = await readInRootAsync(libraryRoot(dir), e.path);
        if (buf?.toString('utf8').toLowerCase().includes(needle)) hits++;
      } catch {
        // A file removed while probing is not a performance problem.
      }
    }
    const searchMs = performance.now() - t1;
    ctx.metrics?.recordLibrary({
      files: entries.length,
      bytes: entries.reduce((n, e) => n + e.size, 0),
      sources: roots.length,
    });
    const { listExpectMs, searchExpectMs } = ctx.thresholds;
    const ls = grade(listMs, listExpectMs);
    const ss = grade(searchMs, searchExpectMs);
    const status: CheckStatus =
      ls === 'fail' || ss === 'fail' ? 'fail' : ls === 'warn' || ss === 'warn' ? 'warn' : 'ok';
    const facts =
      `Listing ${entries.length} files took ${formatMs(listMs)} (expected under ${formatMs(listExpectMs)}); ` +
      `searching them all took ${formatMs(searchMs)} (expected under ${formatMs(searchExpectMs)}, ${hits} matches).`;
    if (status === 'ok') return { status, explanation: facts };
    return { status, explanation: `${facts} ${SLOW_CAUSES}` };
  },
};
