import { isSilentName, isSilentPath, SKIP_DIRS } from '../library/walk';

/** Folders never indexed or watched: VCS, dependencies, and sync tools' own folders (the library walk's list). */
export const IGNORED_DIRS: ReadonlySet<string> = SKIP_DIRS;

/**
 * Whether a file or folder name is left out wherever it is: dotfiles (which covers `.syncthing.*.tmp`,
 * `.~lock.*#` and editor swap files), Office owner files (`~$name`), editor backups (`name~`) and the ignored
 * folders. A known tool folder at the top of a source (`.cursor`, `.claude`...) is not: see {@link isIgnoredPath}.
 */
export function isIgnoredName(name: string): boolean {
  return isSilentName(name, 1, undefined);
}

/** Whether a relative path ("a/b/c.md") is left out: any segment is, except the known tool folders at the top. */
export function isIgnoredPath(rel: string): boolean {
  return isSilentPath(rel);
}
