import { SKIP_DIRS } from '../library/walk';

/** Folders never indexed or watched: VCS, dependencies, and sync tools' own folders (the library walk's list). */
export const IGNORED_DIRS: ReadonlySet<string> = SKIP_DIRS;

/**
 * Whether a file or folder name is left out: dotfiles (which covers `.syncthing.*.tmp`, `.~lock.*#` and
 * editor swap files), Office owner files (`~$name`), editor backups (`name~`) and the ignored folders.
 */
export function isIgnoredName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    name.endsWith('~') ||
    name.endsWith('.tmp') ||
    IGNORED_DIRS.has(name)
  );
}

/** Whether any segment of a relative path ("a/b/c.md") is ignored. */
export function isIgnoredPath(rel: string): boolean {
  return rel.split('/').some(isIgnoredName);
}
