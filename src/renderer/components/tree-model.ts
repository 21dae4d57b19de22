import type { LibraryEntry } from '../../shared/library';

export type TreeRow =
  | { readonly kind: 'folder'; readonly key: string; readonly path: string; readonly name: string; readonly depth: number; readonly expanded: boolean; readonly count: number }
  | { readonly kind: 'file'; readonly key: string; readonly entry: LibraryEntry; readonly name: string; readonly depth: number };

interface Folder {
  readonly folders: Map<string, Folder>;
  readonly files: LibraryEntry[];
  count: number;
}

function newFolder(): Folder {
  return { folders: new Map(), files: [], count: 0 };
}

/** One merged folder tree over all sources (a path held by several sources shows each, the winner first). */
export function buildTree(entries: ReadonlyArray<LibraryEntry>): Folder {
  const root = newFolder();
  for (const e of entries) {
    const parts = e.path.split('/');
    let node = root;
    node.count++;
    for (const part of parts.slice(0, -1)) {
      let next = node.folders.get(part);
      if (!next) node.folders.set(part, (next = newFolder()));
      node = next;
      node.count++;
    }
    node.files.push(e);
  }
  return root;
}

/** The visible rows, given which folders are open: what the virtualised list renders. */
export function flattenTree(root: Folder, isExpanded: (path: string) => boolean): TreeRow[] {
  const rows: TreeRow[] = [];
  const visit = (node: Folder, prefix: string, depth: number) => {
    const folderNames = [...node.folders.keys()].sort((a, b) => a.localeCompare(b));
    for (const name of folderNames) {
      const path = prefix ? `${prefix}/${name}` : name;
      const child = node.folders.get(name)!;
      const expanded = isExpanded(path);
      rows.push({ kind: 'folder', key: `d:${path}`, path, name, depth, expanded, count: child.count });
      if (expanded) visit(child, path, depth + 1);
    }
    const files = [...node.files].sort((a, b) => a.path.localeCompare(b.path) || Number(!!a.overriddenBy) - Number(!!b.overriddenBy));
    for (const entry of files) rows.push({ kind: 'file', key: `f:${entry.source}:${entry.path}`, entry, name: entry.path.split('/').pop() ?? entry.path, depth });
  };
  visit(root, '', 0);
  return rows;
}
