import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { ConflictChoice, ConflictDetail, ResolveResult } from '../../shared/sync';
import type { OperationContext } from '../context';
import { dataRoot, personalRoot, readInRoot, removeInRoot, writeInRoot } from '../workspace/boundary';
import { withLock } from '../workspace/lock';
import { conflictAt } from './conflicts';
import { audited, type SyncDeps } from './deps';
import { diffLines } from './diff';

function requireConflict(root: string, rel: string) {
  const c = conflictAt(root, rel);
  if (!c)
    throw new AppError(
      'INVALID_REQUEST',
      `${rel} is not a conflicted copy (Syncthing .sync-conflict-, Nextcloud or Dropbox "conflicted copy").`,
      'Pick a file from `ai-config sync conflicts`.',
      { field: 'path' },
    );
  // lstat: a copy that is a (dangling) link still exists, and is refused when it is read.
  if (!fs.lstatSync(path.join(root, rel), { throwIfNoEntry: false }))
    throw new AppError(
      'NOT_FOUND',
      `${rel} does not exist in ${root}.`,
      'Run `ai-config sync conflicts` again; it may have been resolved already.',
      { field: 'path' },
    );
  return c;
}

const isBinary = (b: Buffer) => b.subarray(0, 8000).includes(0);

/** Both sides of a conflict and their line diff ("mine" is the file at the original path, "theirs" the copy). */
export function conflictDetail(root: string, rel: string): ConflictDetail {
  const conflict = requireConflict(root, rel);
  const ws = personalRoot(root);
  const theirs = readInRoot(ws, rel) ?? Buffer.alloc(0);
  const mine = readInRoot(ws, conflict.original) ?? Buffer.alloc(0);
  const binary = isBinary(theirs) || isBinary(mine);
  const m = binary ? '' : mine.toString('utf8');
  const t = binary ? '' : theirs.toString('utf8');
  return { conflict, mine: m, theirs: t, diff: binary ? [] : diffLines(m, t), binary };
}

/**
 * Resolves one conflict under the workspace lock. The losing side is copied to state/backups/sync-conflicts/
 * and history snapshots the workspace (both sides) before anything is deleted; the copy is removed last.
 * Both sides are read and written through the boundary: a copy or an original that is a symlink (or below one)
 * is SYMLINK_REFUSED before anything is copied, written or removed.
 */
export async function resolveConflict(
  req: { path: string; keep: ConflictChoice; content?: string | undefined },
  deps: SyncDeps,
  ctx: OperationContext,
): Promise<ResolveResult> {
  return withLock(deps.paths.lock, 'sync.resolve', async () => {
    const root = deps.personalDir();
    const c = requireConflict(root, req.path);
    if (req.keep === 'manual' && req.content === undefined)
      throw new AppError(
        'INVALID_REQUEST',
        'Keeping an edited version needs its content.',
        'Send the edited text as "content".',
        { field: 'content' },
      );
    const ws = personalRoot(root);
    // Read both sides first: a link on either side is refused here, before any backup, write or removal.
    const theirs = readInRoot(ws, c.path);
    const mine = readInRoot(ws, c.original);
    return audited(deps, ctx, 'sync.resolve', c.original, async () => {
      const stamp = deps.now().toISOString().replace(/[:.]/g, '-');
      const backupDir = path.join(deps.paths.backups, 'sync-conflicts', stamp);
      const backups: string[] = [];
      const keepAside = async (bytes: Buffer | undefined, rel: string) => {
        if (bytes === undefined) return;
        backups.push(await writeInRoot(dataRoot(backupDir), rel, bytes));
      };
      if (req.keep !== 'theirs') await keepAside(theirs, c.path);
      if (req.keep !== 'mine') await keepAside(mine, c.original);
      deps.incoming.noteOwnWrite(c.original);
      deps.incoming.noteOwnWrite(c.path);
      if (req.keep === 'theirs') await writeInRoot(ws, c.original, theirs ?? Buffer.alloc(0));
      if (req.keep === 'manual') await writeInRoot(ws, c.original, req.content ?? '');
      await removeInRoot(ws, c.path);
      const what =
        req.keep === 'mine'
          ? 'kept your version'
          : req.keep === 'theirs'
            ? 'kept the other version'
            : 'saved your edit';
      return {
        value: {
          path: c.original,
          kept: req.keep,
          backups,
          message: `${c.original}: ${what}; the other side is in history and in ${backupDir}.`,
        },
        details: { conflict: c.path, keep: req.keep, backups },
      };
    });
  });
}
