import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '../../src/main/observability/logger';
import { createHistoryService } from '../../src/main/history/service';
import { tempDir } from './temp';

/** A history service over a temp home with an empty personal workspace. */
export function historyFixture(now?: () => Date) {
  const home = tempDir();
  const work = path.join(home, 'personal');
  fs.mkdirSync(work, { recursive: true });
  const h = createHistoryService({
    gitDir: path.join(home, 'state', 'history.git'),
    lockFile: path.join(home, 'state', 'lock'),
    workTree: () => work,
    logger: createLogger({ level: 'error' }),
    backupsDir: path.join(home, 'state', 'backups'),
    ...(now ? { now } : {}),
  });
  return { home, work, h };
}
