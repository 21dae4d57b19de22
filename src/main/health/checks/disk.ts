import fs from 'node:fs';
import path from 'node:path';
import type { Check } from '../types';
import { formatBytes } from './util';

/** Free space on the disk that holds the workspace. */
export const diskCheck: Check = {
  id: 'disk',
  title: 'Free disk space',
  run(ctx) {
    let dir = ctx.paths.home;
    while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    let free: number;
    try {
      const st = fs.statfsSync(dir);
      free = st.bavail * st.bsize;
    } catch (e) {
      return { status: 'warn', explanation: `Could not measure free space at ${dir}: ${(e as Error).message}.` };
    }
    const { failFreeBytes, warnFreeBytes } = ctx.thresholds;
    if (free < failFreeBytes)
      return {
        status: 'fail',
        explanation:
          `Only ${formatBytes(free)} free at ${dir}; ` +
          `updates and installs will fail below ${formatBytes(failFreeBytes)}. ` +
          `Free some space (empty the trash, remove old backups in ${ctx.paths.backups}).`,
      };
    if (free < warnFreeBytes)
      return {
        status: 'warn',
        explanation:
          `${formatBytes(free)} free at ${dir}; that is getting low (under ${formatBytes(warnFreeBytes)}). ` +
          'Consider freeing some space.',
      };
    return { status: 'ok', explanation: `${formatBytes(free)} free at ${dir}.` };
  },
};
