import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { DisconnectResult } from '../../shared/sync';
import type { OperationContext } from '../context';
import { failpoint } from '../failpoints';
import { withLock } from '../workspace/lock';
import { audited, notSynced, switchPersonalDir, syncStateFile, type SyncDeps } from './deps';
import {
  clearDisconnectJournal,
  disconnectJournalFile,
  loadDisconnectJournal,
  saveDisconnectJournal,
  type DisconnectJournal,
} from './disconnect-journal';
import { copyVerified, planCopy, undoCopy, type CopyResult } from './move';
import { connectSyncthing } from './providers/syncthing';
import { removeSharedFiles } from './remove-shared';
import { loadSyncState, saveSyncState, type SyncState } from './state';

/**
 * Moves the workspace back to where it was before `sync setup` (copy, verify, switch). The shared copy is
 * removed only where that cannot delete other machines' files: Syncthing after the folder is unshared, or
 * when the user asks (`removeSharedCopy`, which deletes it for everyone using the share); even then only the
 * files this product put there (remove-shared.ts). Every step is journaled (disconnect-journal.ts): a run that
 * was killed is completed by the next one (or `doctor --fix`, {@link resumeDisconnect}).
 */
export async function runDisconnect(
  req: { removeSharedCopy?: boolean | undefined },
  deps: SyncDeps,
  ctx: OperationContext,
): Promise<DisconnectResult> {
  deps.requireSettings();
  return withLock(deps.paths.lock, 'sync.disconnect', async () => {
    const journal = loadDisconnectJournal(disconnectJournalFile(deps.paths));
    const state = journal?.state ?? loadSyncState(syncStateFile(deps.paths));
    if (!state) throw notSynced();
    const target = journal?.back ?? state.previousDir;
    return audited(deps, ctx, 'sync.disconnect', target, async () => {
      const value = journal
        ? await resume(journal, req.removeSharedCopy === true, deps, ctx)
        : await disconnect(state, { removeSharedCopy: req.removeSharedCopy === true, unshared: false }, deps, ctx);
      return { value, details: { provider: state.provider, from: value.sharedDir, resumed: journal !== undefined } };
    });
  });
}

/** Completes an interrupted disconnect (for `doctor --fix`); undefined when none was interrupted. */
export async function resumeDisconnect(deps: SyncDeps, ctx: OperationContext): Promise<DisconnectResult | undefined> {
  if (!fs.existsSync(disconnectJournalFile(deps.paths))) return undefined;
  return runDisconnect({}, deps, ctx);
}

/** Picks up where a killed run stopped: after the switch it finishes; before it, it undoes the copy and starts over. */
async function resume(
  j: DisconnectJournal,
  removeSharedCopy: boolean,
  deps: SyncDeps,
  ctx: OperationContext,
): Promise<DisconnectResult> {
  const next = { ...j, removeSharedCopy: j.removeSharedCopy || removeSharedCopy };
  ctx.logger.info('completing an interrupted sync disconnect', { phase: j.phase, shared: j.shared });
  if (j.phase === 'switched' || path.resolve(deps.personalDir()) === path.resolve(j.back))
    return finish(next, deps, ctx);
  undoCopy({
    files: j.copy
      .map((rel) => path.join(j.back, rel))
      .filter((f) => fs.lstatSync(f, { throwIfNoEntry: false })?.isFile()),
    dirs: j.backExisted ? [] : [j.back],
  });
  clearDisconnectJournal(disconnectJournalFile(deps.paths));
  return disconnect(j.state, next, deps, ctx);
}

async function disconnect(
  state: SyncState,
  opts: { readonly removeSharedCopy: boolean; readonly unshared: boolean },
  deps: SyncDeps,
  ctx: OperationContext,
): Promise<DisconnectResult> {
  const journalFile = disconnectJournalFile(deps.paths);
  const shared = deps.personalDir();
  const back = state.previousDir;
  const plan = planCopy(shared, back);
  let j: DisconnectJournal = {
    version: 1,
    phase: 'copying',
    shared,
    back,
    backExisted: fs.existsSync(back),
    copy: [...plan.copy],
    removeSharedCopy: opts.removeSharedCopy,
    unshared: opts.unshared,
    state,
  };
  await saveDisconnectJournal(journalFile, j);
  ctx.progress({ phase: 'Copying the workspace back', percent: 10 });
  let copied: CopyResult;
  try {
    copied = copyVerified({ from: shared, to: back, ...(deps.copyFile ? { copyFile: deps.copyFile } : {}) }, plan);
  } catch (e) {
    clearDisconnectJournal(journalFile);
    throw e;
  }
  try {
    await saveDisconnectJournal(journalFile, (j = { ...j, phase: 'copied' }));
    if (state.syncthing && !j.unshared) {
      ctx.progress({ phase: 'Removing the folder from Syncthing', percent: 60 });
      try {
        const api = await connectSyncthing(deps.platform, state.syncthing.configPath);
        await api.deleteFolder(state.syncthing.folderId);
        await saveDisconnectJournal(journalFile, (j = { ...j, unshared: true }));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        ctx.logger.warn('could not unshare the Syncthing folder; keeping the shared copy', { code: e.code });
      }
    }
    await switchPersonalDir(deps, back);
  } catch (e) {
    undoCopy(copied);
    clearDisconnectJournal(journalFile);
    throw e;
  }
  return finish(j, deps, ctx);
}

/** After the switch: journal it, forget the sync state, remove what is ours from the shared copy, drop the journal. */
async function finish(j: DisconnectJournal, deps: SyncDeps, ctx: OperationContext): Promise<DisconnectResult> {
  const journalFile = disconnectJournalFile(deps.paths);
  await saveDisconnectJournal(journalFile, (j = { ...j, phase: 'switched' }));
  await saveSyncState(syncStateFile(deps.paths), undefined);
  failpoint('sync-disconnect:switched');
  const remove = j.unshared || j.removeSharedCopy;
  let removed = false;
  let kept: ReadonlyArray<string> = [];
  if (remove) {
    try {
      kept = (await removeSharedFiles(j.shared, j.back, j.state)).kept;
      removed = true;
    } catch (e) {
      ctx.logger.warn('could not remove the shared copy', { dir: j.shared, code: (e as NodeJS.ErrnoException).code });
    }
  }
  clearDisconnectJournal(journalFile);
  ctx.progress({ phase: 'Done', percent: 100, done: true });
  return {
    personalDir: j.back,
    sharedDir: j.shared,
    removedSharedCopy: removed,
    message: disconnectMessage(j, removed, kept),
  };
}

function disconnectMessage(j: DisconnectJournal, removed: boolean, kept: ReadonlyArray<string>): string {
  const head = `Your personal workspace is back in ${j.back}.`;
  if (!removed)
    return `${head} The shared copy in ${j.shared} was left in place so other machines keep their files; delete it when no one uses it.`;
  const after = j.unshared ? ' after the Syncthing folder was unshared' : '';
  const left = kept.length
    ? ` ${kept.length} files stayed (there before setup, or changed since): ${kept.slice(0, 5).join(', ')}${kept.length > 5 ? ', ...' : ''}.`
    : '';
  return `${head} The workspace files in ${j.shared} were removed${after}; the sync tool's own files were left.${left}`;
}
