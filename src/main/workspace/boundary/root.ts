import os from 'node:os';
import path from 'node:path';

/**
 * What a root holds, which decides how symlinks below it are treated: `library` and `personal` refuse every
 * symlink (reads and writes); `tool` (a tool's config folder under $HOME, or a project folder) refuses them too,
 * except the links the user listed in `allowSymlinks`; `data` (sync folders, backups, imports) refuses them all.
 */
export type RootKind = 'library' | 'personal' | 'tool' | 'data';

/** An explicit root that every path of one read or write is resolved against. */
export interface FsRoot {
  readonly kind: RootKind;
  /** Absolute folder; it may itself be a symlink (the user chose it), nothing below it may. */
  readonly dir: string;
  /** Absolute paths of symlinks below `dir` that may be followed (tool roots only; ignored for the others). */
  readonly allowSymlinks: ReadonlyArray<string>;
}

/** A library clone (`library/<source>`): no symlink is ever followed. */
export function libraryRoot(dir: string): FsRoot {
  return { kind: 'library', dir: path.resolve(dir), allowSymlinks: [] };
}

/** The personal workspace: no symlink is ever followed. */
export function personalRoot(dir: string): FsRoot {
  return { kind: 'personal', dir: path.resolve(dir), allowSymlinks: [] };
}

/** A sync folder, a backup folder, an import's folder: no symlink is ever followed. */
export function dataRoot(dir: string): FsRoot {
  return { kind: 'data', dir: path.resolve(dir), allowSymlinks: [] };
}

/** A tool root ($HOME for user-scope files, the project folder for project scope), with the user's allowed links. */
export function toolRoot(dir: string, allowSymlinks: ReadonlyArray<string> = []): FsRoot {
  return { kind: 'tool', dir: path.resolve(dir), allowSymlinks: allowSymlinks.map((p) => expandHome(p)) };
}

/** `~` and `~/x` as absolute paths under `homeDir`; anything else resolved as given. */
export function expandHome(p: string, homeDir = os.homedir()): string {
  if (p === '~') return homeDir;
  if (p.startsWith('~/') || p.startsWith('~\\')) return path.join(homeDir, p.slice(2));
  return path.resolve(p);
}

/** Whether `root` lets the link at absolute path `link` be followed. */
export function allowsLink(root: FsRoot, link: string): boolean {
  return root.kind === 'tool' && root.allowSymlinks.some((a) => path.resolve(a) === link);
}
