import path from 'node:path';
import { removeEmptyDirInRoot, resolveInRoot } from '../workspace/boundary';
import { isInsideDir } from '../workspace/boundary/resolve';
import type { RootOf } from './fs-roots';
import type { InstallRecord, ManagedItem } from './model';
import type { PlannedFile } from './plan';

/**
 * The folders an install creates (InstallRecord.dirs): the ancestors of the files it creates that do not exist yet,
 * below the tool root (home or the project; never the root itself). Kept across re-installs while an item of the
 * install lies below them; on uninstall, and when a re-install drops a file, those left empty are removed (rmdir,
 * deepest first, through the boundary). A folder someone else put a file into stays.
 */
export function missingDirs(files: ReadonlyArray<PlannedFile>, rootOf: RootOf): string[] {
  const out = new Set<string>();
  for (const f of files) {
    if (f.before !== undefined || f.after === undefined) continue;
    const root = rootOf(f.path);
    let missing: number;
    try {
      missing = resolveInRoot(root, f.path).missingDirs.length;
    } catch {
      continue;
    }
    // Once a folder is missing every folder below it is too: the `missing` deepest ancestors, as named.
    let dir = path.dirname(path.resolve(f.path));
    for (let i = 0; i < missing && isInsideDir(root.dir, dir) && dir !== path.resolve(root.dir); i++) {
      out.add(dir);
      dir = path.dirname(dir);
    }
  }
  return [...out];
}

/** Outermost first, deepest last (the order InstallRecord.dirs keeps). */
export function sortDirs(dirs: Iterable<string>): string[] {
  const depth = (d: string) => d.split(/[\\/]+/).length;
  return [...new Set(dirs)].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Whether a folder holds one of the items (an item strictly below it, lexically): every folder above an item, in a
 * set made once, so that checking thousands of folders against thousands of items is not a scan of all pairs.
 */
function holder(items: ReadonlyArray<Pick<ManagedItem, 'path'>>): (dir: string) => boolean {
  const key = (p: string) => (process.platform === 'win32' ? p.toLowerCase() : p);
  const above = new Set<string>();
  for (const i of items) {
    let d = path.resolve(i.path);
    for (let up = path.dirname(d); up !== d; d = up, up = path.dirname(d)) {
      const k = key(up);
      // Its ancestors were added with it.
      if (above.has(k)) break;
      above.add(k);
    }
  }
  return (dir) => above.has(key(path.resolve(dir)));
}

/**
 * What one install or uninstall does to the recorded folders: the install's folders afterwards (those still
 * holding one of its items), the other records (a folder of ours that holds another install's file is handed over
 * to that install, so its uninstall removes it when it is empty at last), and the folders to remove if empty.
 */
export function nextDirs(
  previous: ReadonlyArray<string>,
  created: ReadonlyArray<string>,
  items: ReadonlyArray<ManagedItem>,
  others: ReadonlyArray<InstallRecord>,
): { dirs: string[]; others: InstallRecord[]; remove: string[] } {
  const all = sortDirs([...previous, ...created]);
  const holds = holder(items);
  const dirs = all.filter((d) => holds(d));
  const kept = new Set(dirs);
  const dropped = all.filter((d) => !kept.has(d));
  const taken = new Set<string>();
  const nextOthers = others.map((r) => {
    if (!dropped.length) return r;
    const theirs = holder(r.items);
    const mine = dropped.filter((d) => theirs(d));
    if (!mine.length) return r;
    for (const d of mine) taken.add(d);
    const merged = sortDirs([...(r.dirs ?? []), ...mine]);
    return JSON.stringify(merged) === JSON.stringify(r.dirs ?? []) ? r : { ...r, dirs: merged };
  });
  const remove = dropped.filter((d) => !taken.has(d)).reverse();
  return { dirs, others: nextOthers, remove };
}

/** Removes the folders that are empty, deepest first; a folder with anything in it (or a link) stays. */
export function removeEmptyDirs(dirs: ReadonlyArray<string>, rootOf: RootOf): number {
  let n = 0;
  for (const d of sortDirs(dirs).reverse()) if (removeEmptyDirInRoot(rootOf(d), d)) n++;
  return n;
}
