import { readInRoot } from '../workspace/boundary';
import { isBinaryTag } from './binary-content';
import type { RootOf } from './fs-roots';

/**
 * A journal entry: the file and what it held before (nothing when it did not exist). A binary file's bytes (its
 * `before` is only their tag) are read through the boundary with `rootOf` and kept as base64.
 */
export function beforeOf(
  f: { readonly path: string; readonly before?: string | undefined },
  rootOf?: RootOf,
): { path: string; before?: string; beforeBase64?: string } {
  if (rootOf && isBinaryTag(f.before)) {
    const buf = readInRoot(rootOf(f.path), f.path);
    if (buf) return { path: f.path, beforeBase64: buf.toString('base64') };
  }
  return { path: f.path, ...(f.before !== undefined ? { before: f.before } : {}) };
}
