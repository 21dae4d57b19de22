import path from 'node:path';
import { listLibrary, type SourceRoot } from '../library/tree';

/** One library file that wins at its path (personal over later sources over earlier ones). */
export interface LibraryFileRef {
  readonly source: string;
  readonly path: string;
  readonly abs: string;
  readonly tags: ReadonlyArray<string>;
}

/**
 * The winning file at every path across the roots. The one place the agents domain asks the library
 * what exists, so it can switch to the persisted index (services.index) without touching callers.
 */
export async function winningFiles(roots: ReadonlyArray<SourceRoot>): Promise<LibraryFileRef[]> {
  const dirs = new Map(roots.map((r) => [r.name, r.dir]));
  const entries = await listLibrary(roots);
  return entries.filter((e) => !e.overriddenBy).map((e) => ({ source: e.source, path: e.path, abs: path.join(dirs.get(e.source)!, ...e.path.split('/')), tags: e.tags }));
}
