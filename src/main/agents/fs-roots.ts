import { personalRoot, readInRoot, toolRootFor, type FsRoot } from '../workspace/boundary';
import { planText } from './binary-content';
import { isInsideDir } from '../workspace/boundary/resolve';

/** The boundary root a file of an install, uninstall or import is read and written against. */
export type RootOf = (file: string) => FsRoot;

/** What decides the roots of one operation; kept in the write journal so recovery uses the same ones. */
export interface RootOptions {
  /** The personal workspace (import output, agents created there): no symlink followed. */
  readonly personalDir?: string;
  /** The project folders of the project-scope installs of the operation. */
  readonly projects?: ReadonlyArray<string>;
  /** Tool-file symlinks the user allowed (settings `filesystem.allowSymlinks`, `--follow-symlink`). */
  readonly allowSymlinks?: ReadonlyArray<string>;
}

/** Personal files against the personal root; everything else is a tool file (see toolRootFor). */
export function rootsFor(opts: RootOptions = {}): RootOf {
  return (file) => {
    if (opts.personalDir && isInsideDir(opts.personalDir, file)) return personalRoot(opts.personalDir);
    const project = opts.projects?.find((p) => isInsideDir(p, file));
    return toolRootFor(file, {
      ...(project ? { project } : {}),
      ...(opts.allowSymlinks ? { allowSymlinks: opts.allowSymlinks } : {}),
    });
  };
}

/**
 * A tool or personal file's text through the boundary (undefined when absent; a refused link throws). A binary
 * file (a skill's image) reads as its tag (see binary-content.ts), so the plan compares and hashes it exactly.
 */
export function readThroughBoundary(rootOf: RootOf, file: string): string | undefined {
  const buf = readInRoot(rootOf(file), file);
  return buf && planText(buf);
}
