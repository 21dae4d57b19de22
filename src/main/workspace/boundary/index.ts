/**
 * THE filesystem boundary: every read and write of a user-controlled path (library clones, the personal workspace,
 * project folders, tool config files, sync folders, backups, history restores, bundle imports) goes through here.
 *
 * - Every path is resolved against an explicit {@link FsRoot} (`libraryRoot`, `personalRoot`, `toolRoot` /
 *   `toolRootFor`, `dataRoot`): `..` or an absolute path elsewhere is PATH_OUTSIDE_ROOT.
 * - Every component below the root is checked with lstat: a symlink is SYMLINK_REFUSED (the error names the link
 *   and its target). Only a tool root follows a link, and only one the user listed (settings
 *   `filesystem.allowSymlinks`, CLI `--follow-symlink PATH`); library, personal and data roots follow none.
 * - Reads open with O_NOFOLLOW | O_NONBLOCK and refuse anything but a regular file.
 * - Writes create missing folders one at a time (each checked), then temp file + fsync + rename in the same real
 *   folder (atomic.ts, also behind workspace/atomic-write.ts): a link at the final component is never written
 *   through. DISK_FULL / FORBIDDEN as before.
 *
 * For sync (src/main/sync): build `dataRoot(syncFolder)` / `personalRoot(dir)` once, then `readInRoot`,
 * `writeInRoot`, `removeInRoot`, `mkdirInRoot`, and `lstatInRoot` for walks (undefined for links, like the walk).
 * Race note: node has no openat, so a folder swapped for a link between the check and the rename is not caught;
 * the final component is (the rename replaces the entry, O_NOFOLLOW refuses a link on read).
 */
export { type FsRoot, type RootKind, dataRoot, expandHome, libraryRoot, personalRoot, toolRoot } from './root';
export { isToolPath, toolRootFor, type ToolRootOptions } from './tool-root';
export { isInsideDir, relativeParts, resolveInRoot, type Resolved } from './resolve';
export { lstatInRoot, readInRoot, readInRootAsync, readTextInRoot, readWalkedText } from './read';
export {
  mkdirInRoot,
  removeEmptyDirInRoot,
  removeInRoot,
  symlinkInRoot,
  unlinkInRoot,
  writeInRoot,
  writeInRootSync,
} from './write';
export { isBoundaryTemp, replaceFile, replaceFileSync, toWriteError, type ReplaceOptions } from './atomic';
export { fileGone, notAFile, notAFolder, outsideRoot, symlinkRefused } from './errors';
