import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import type { DisconnectResult } from '../../shared/sync';
import type { OperationContext } from '../context';
import { withLock } from '../workspace/lock';
import { audited, notSynced, switchPersonalDir, syncStateFile, type SyncDeps } from './deps';
import { copyVerified, planCopy, undoCopy } from './move';
import { connectSyncthing } from './providers/syncthing';
import { loadSyncState, saveSyncState } from './state';
import { failpoint } from '../failpoints';

/**
 * Moves the workspace back to where it was before `sync setup` (copy, verify, switch). The shared copy is
 * removed only where that cannot delete other machines' files: Syncthing after the folder is unshared, or
 * when the user asks (`removeSharedCopy`, which deletes it for everyone using the share).
 */
export async function runDisconnect(
  req: { removeSharedCopy?: boolean | undefined },
  deps: SyncDeps,
  ctx: OperationContext,
): Promise<DisconnectResult> {
  deps.requireSettings();
  const stateFile = syncStateFile(deps.paths);
  return withLock(deps.paths.lock, 'sync.disconnect', async () => {
    const state = loadSyncState(stateFile);
    if (!state) throw notSynced();
    const shared = deps.personalDir();
    const back = state.previousDir;
    const plan = planCopy(shared, back);
    return audited(deps, ctx, 'sync.disconnect', back, async () => {
      ctx.progress({ phase: 'Copying the workspace back', percent: 10 });
      const copied = copyVerified(
        { from: shared, to: back, ...(deps.copyFile ? { copyFile: deps.copyFile } : {}) },
        plan,
      );
      let unshared = false;
      try {
        if (state.syncthing) {
          ctx.progress({ phase: 'Removing the folder from Syncthing', percent: 60 });
          try {
            const api = await connectSyncthing(deps.platform, state.syncthing.configPath);
            await api.deleteFolder(state.syncthing.folderId);
            unshared = true;
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            ctx.logger.warn('could not unshare the Syncthing folder; keeping the shared copy', { code: e.code });
          }
        }
        await switchPersonalDir(deps, back);
      } catch (e) {
        undoCopy(copied);
        throw e;
      }
      await saveSyncState(stateFile, undefined);
      failpoint('sync-disconnect:switched');
      const remove = unshared || req.removeSharedCopy === true;
      let removed = false;
      if (remove) {
        try {
          fs.rmSync(shared, { recursive: true, force: true });
          removed = true;
        } catch (e) {
          ctx.logger.warn('could not remove the shared copy', { dir: shared, code: (e as NodeJS.ErrnoException).code });
        }
      }
      ctx.progress({ phase: 'Done', percent: 100, done: true });
      const message =
        `Your personal workspace is back in ${back}.` +
        (removed
          ? ` The copy in ${shared} was removed${unshared ? ' after the Syncthing folder was unshared' : ''}.`
          : ` The shared copy in ${shared} was left in place so other machines keep their files; ` +
            'delete it when no one uses it.');
      return {
        value: { personalDir: back, sharedDir: shared, removedSharedCopy: removed, message },
        details: { provider: state.provider, from: shared, removedSharedCopy: removed },
      };
    });
  });
}
