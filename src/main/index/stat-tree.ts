import type { SkipReason } from '../../shared/library';
import { classifyPath, scanTree, type TreeScan, type WalkEntry, type WalkOptions } from '../library/walk';

/** A listed file: relative path with forward slashes, size and mtime. */
export type StatEntry = WalkEntry;

/**
 * Lists and stats the library files under `dir` (relative to `root`), with what was skipped and why: the
 * library walk itself (library/walk.ts), so the index, the tree and installs agree on what a source holds.
 */
export function statTree(root: string, relDir = '', opts: WalkOptions = {}): Promise<TreeScan> {
  return scanTree(root, relDir, opts);
}

/**
 * One path's standing as the full walk decides it: its stat when it is a library file, its skip reason when the
 * walk would skip it, or undefined when it is gone, a folder, left out silently, or below a symlink.
 */
export function statOne(
  root: string,
  rel: string,
  opts: WalkOptions = {},
  known?: Parameters<typeof classifyPath>[3],
): { readonly entry?: StatEntry; readonly skip?: SkipReason } | undefined {
  return classifyPath(root, rel, opts, known);
}
