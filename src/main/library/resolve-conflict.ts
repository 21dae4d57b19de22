import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { SourceInfo } from '../../shared/sources';
import type { OperationContext } from '../context';
import { writeAtomic } from '../workspace/atomic-write';
import { showFile } from './git-ops';
import { sourceInfoOf } from './source-info';
import { readSourceState, writeSourceState } from './source-state';
import type { SourcesContext } from './sources-context';

/** Resolves a conflicted file of a source: keep mine, or take theirs (backing mine up first). */
export function resolveConflict(
  sc: SourcesContext,
  name: string,
  file: string,
  choice: 'mine' | 'theirs',
  ctx: OperationContext,
): Promise<SourceInfo> {
  const { paths } = sc;
  const s = sc.find(name);
  return sc.mutate(
    'library.resolve',
    `${name}/${file}`,
    ctx,
    async () => {
      const st = readSourceState(paths.state, name);
      if (!st.conflicts.some((c) => c.path === file)) {
        throw new AppError(
          'NOT_FOUND',
          `${name}/${file} has no conflict to resolve.`,
          'See `ai-config library status` for the files in conflict.',
        );
      }
      if (choice === 'theirs') {
        const r = sc.repo(s, ctx);
        const abs = path.join(paths.sourceDir(name), ...file.split('/'));
        const backup = path.join(paths.backups, 'sources', `${name}-mine-${Date.now()}`, ...file.split('/'));
        if (fs.existsSync(abs)) {
          await fs.promises.mkdir(path.dirname(backup), { recursive: true });
          await fs.promises.copyFile(abs, backup);
        }
        const theirs = await showFile(r, 'HEAD', file);
        if (theirs) await writeAtomic(abs, theirs);
        else await fs.promises.rm(abs, { force: true });
      }
      await writeSourceState(paths.state, name, { ...st, conflicts: st.conflicts.filter((c) => c.path !== file) });
      return sourceInfoOf(sc, name);
    },
    () => ({ choice }),
  );
}
