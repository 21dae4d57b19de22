import fs from 'node:fs';
import path from 'node:path';
import { dataRoot, personalRoot, readInRoot, removeInRoot } from '../workspace/boundary';
import { isInside, walk } from './files';
import { skipProviderFiles } from './move';
import type { SyncState } from './state';

/** What removing the shared copy did. */
export interface SharedRemoval {
  readonly removed: number;
  /** Files left in the shared folder: there before setup (adopted), or not the same as the copy brought back. */
  readonly kept: ReadonlyArray<string>;
}

/** The bytes at `rel`, or undefined when it is missing, a link, or unreadable (then the shared file stays). */
function bytesOrNothing(read: () => Buffer | undefined): Buffer | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * Removes from the shared folder only what this product put there: the workspace files that disconnect copied back
 * to `back` (same bytes there), the ignore file if setup wrote it, then the folders left empty that setup did not
 * find there, and the folder itself if setup created it and it is empty. Never the sync tool's own files and folders
 * (`.stfolder`, `.stversions`, `.sync`, `.dropbox*`, Nextcloud's `.sync_*.db` and logs), never a link, never a file
 * that was there before setup (adopted files stay: other people or programs may own them), never a file that differs
 * from the copy brought back. Safe to run again after a kill.
 */
export async function removeSharedFiles(shared: string, back: string, state: SyncState): Promise<SharedRemoval> {
  const root = dataRoot(shared);
  const backRoot = personalRoot(back);
  const before = new Set(state.preExisting ?? []);
  const beforeDirs = new Set(state.preExistingDirs ?? []);
  const tree = walk(shared, skipProviderFiles);
  const kept: string[] = [];
  let removed = 0;
  for (const rel of tree.files) {
    const mine = before.has(rel) ? undefined : bytesOrNothing(() => readInRoot(root, rel));
    const copied = mine && bytesOrNothing(() => readInRoot(backRoot, rel));
    if (!mine || !copied || !mine.equals(copied)) {
      kept.push(rel);
      continue;
    }
    await removeInRoot(root, rel);
    removed++;
  }
  if (state.ignoreCreated && state.ignoreFile && isInside(state.ignoreFile, shared)) {
    const rel = path.relative(shared, state.ignoreFile);
    if (fs.lstatSync(state.ignoreFile, { throwIfNoEntry: false })?.isFile()) await removeInRoot(root, rel);
  }
  const deepestFirst = [...tree.dirs].sort((a, b) => b.split('/').length - a.split('/').length);
  for (const d of deepestFirst) if (!beforeDirs.has(d)) removeIfEmpty(path.join(shared, d));
  if (state.createdDir) removeIfEmpty(shared);
  return { removed, kept };
}

/** Removes a real, empty folder; anything else (a link, a folder with files) is left alone. */
function removeIfEmpty(dir: string): void {
  const st = fs.lstatSync(dir, { throwIfNoEntry: false });
  if (!st?.isDirectory()) return;
  try {
    fs.rmdirSync(dir);
  } catch {
    // Not empty (a file kept, the sync tool's folder, something new): it stays.
  }
}
