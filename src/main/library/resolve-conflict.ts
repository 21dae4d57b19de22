import { AppError } from '../../shared/errors';
import type { SourceInfo } from '../../shared/sources';
import type { OperationContext } from '../context';
import { dataRoot, libraryRoot, readInRoot, removeInRoot, writeInRoot } from '../workspace/boundary';
import { showFile } from './git-ops';
import { sourceInfoOf } from './source-info';
import { readSourceState, writeSourceState } from './source-state';
import type { SourcesContext } from './sources-context';

/**
 * Puts upstream's version of `file` in place, backing mine up first; all through the boundary. A path upstream made
 * a symlink (the conflict kept mine in the backups) already holds theirs: nothing is read or written through it.
 */
async function takeTheirs(
  sc: SourcesContext,
  s: ReturnType<SourcesContext['find']>,
  name: string,
  file: string,
  ctx: OperationContext,
): Promise<void> {
  const root = libraryRoot(sc.paths.sourceDir(name));
  let mine: Buffer | undefined;
  try {
    mine = readInRoot(root, file);
  } catch (e) {
    if (e instanceof AppError && e.code === 'SYMLINK_REFUSED') return;
    throw e;
  }
  if (mine) await writeInRoot(dataRoot(sc.paths.backups), `sources/${name}-mine-${Date.now()}/${file}`, mine);
  const theirs = await showFile(sc.repo(s, ctx), 'HEAD', file);
  if (theirs) await writeInRoot(root, file, theirs);
  else await removeInRoot(root, file);
}

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
      if (choice === 'theirs') await takeTheirs(sc, s, name, file, ctx);
      await writeSourceState(paths.state, name, { ...st, conflicts: st.conflicts.filter((c) => c.path !== file) });
      return sourceInfoOf(sc, name);
    },
    () => ({ choice }),
  );
}
