import type { EntryKind, SourceSkips } from '../../shared/library';
import type { TreeEntry } from '../../shared/outline';

export interface FileNode {
  readonly kind: 'file';
  readonly key: string;
  readonly name: string;
  readonly depth: number;
  readonly entry: TreeEntry;
}

export interface FolderNode {
  readonly kind: 'folder';
  readonly key: string;
  readonly path: string;
  readonly name: string;
  readonly depth: number;
  readonly parent: FolderNode | undefined;
  readonly folders: Map<string, FolderNode>;
  readonly files: Map<string, FileNode>;
  /** Files in this folder and below. */
  count: number;
  /** Files in this folder and below, by kind (kept with `count`, so a kind filter skips empty folders at once). */
  readonly kinds: Map<EntryKind, number>;
  /** Children in display order, kept until a child is added or removed. */
  sorted: ReadonlyArray<TreeNode> | undefined;
}

export type TreeNode = FileNode | FolderNode;

const collator = new Intl.Collator(undefined, { numeric: true });

function newFolder(parent: FolderNode | undefined, name: string): FolderNode {
  const path = parent?.path ? `${parent.path}/${name}` : name;
  return {
    kind: 'folder',
    key: `d:${path}`,
    path,
    name,
    depth: parent ? parent.depth + 1 : -1,
    parent,
    folders: new Map(),
    files: new Map(),
    count: 0,
    kinds: new Map(),
    sorted: undefined,
  };
}

/**
 * The Library screen's folder tree over all sources (a path held by several sources shows each, the winner
 * first). Built once from the outline, then changed in place by deltas (`replaceAt`), so a one-file edit
 * in a 100,000-file library touches one folder, not the whole tree. `version` changes with every change.
 */
export class LibraryTree {
  readonly root: FolderNode = newFolder(undefined, '');
  readonly sources = new Set<string>();
  version = 0;
  /** What each source's walk skipped and why (from the outline and its deltas). */
  skipped: ReadonlyArray<SourceSkips> = [];

  /** `sources`: every source the tree stands for, also those without files yet (a change in one is a delta). */
  constructor(entries: Iterable<TreeEntry> = [], sources: Iterable<string> = []) {
    for (const s of sources) this.sources.add(s);
    for (const e of entries) this.add(e);
  }

  get size(): number {
    return this.root.count;
  }

  /** Files skipped in all sources. */
  get skippedTotal(): number {
    return this.skipped.reduce((n, s) => n + s.total, 0);
  }

  /** Replaces the skipped counts (an outline or delta brought new ones); a change bumps the version. */
  setSkipped(skipped: ReadonlyArray<SourceSkips> | undefined): void {
    if (!skipped || JSON.stringify(skipped) === JSON.stringify(this.skipped)) return;
    this.skipped = skipped;
    this.version++;
  }

  /** Replaces every entry at `paths` (of any source) with `entries`, which are all the entries now at those paths. */
  replaceAt(paths: Iterable<string>, entries: Iterable<TreeEntry>): void {
    for (const p of paths) this.removePath(p);
    for (const e of entries) this.add(e);
    this.version++;
  }

  /**
   * The rows to show given which folders are open: nodes in display order (no per-row objects are made). With
   * `kind`, only files of that kind and the folders that hold some.
   */
  rows(isExpanded: (folder: string) => boolean, kind?: EntryKind): TreeNode[] {
    const out: TreeNode[] = [];
    const visit = (folder: FolderNode) => {
      for (const child of sortedChildren(folder)) {
        if (kind && (child.kind === 'folder' ? !child.kinds.get(kind) : child.entry.kind !== kind)) continue;
        out.push(child);
        if (child.kind === 'folder' && isExpanded(child.path)) visit(child);
      }
    };
    visit(this.root);
    return out;
  }

  private add(e: TreeEntry): void {
    const parts = e.path.split('/');
    const name = parts.pop() ?? e.path;
    let node = this.root;
    node.count++;
    bump(node, e.kind, 1);
    for (const part of parts) {
      let next = node.folders.get(part);
      if (!next) {
        node.folders.set(part, (next = newFolder(node, part)));
        node.sorted = undefined;
      }
      node = next;
      node.count++;
      bump(node, e.kind, 1);
    }
    const key = `f:${e.source}:${e.path}`;
    const old = node.files.get(key);
    if (old) {
      // The same file again: replace it, the counts were already right.
      for (let f: FolderNode | undefined = node; f; f = f.parent) {
        f.count--;
        bump(f, old.entry.kind, -1);
      }
    }
    node.files.set(key, { kind: 'file', key, name, depth: node.depth + 1, entry: e });
    node.sorted = undefined;
    this.sources.add(e.source);
  }

  private removePath(p: string): void {
    const parts = p.split('/');
    parts.pop();
    let node: FolderNode | undefined = this.root;
    for (const part of parts) {
      node = node.folders.get(part);
      if (!node) return;
    }
    let removed = 0;
    const kinds: EntryKind[] = [];
    for (const [k, f] of node.files) {
      if (f.entry.path === p) {
        node.files.delete(k);
        kinds.push(f.entry.kind);
        removed++;
      }
    }
    if (!removed) return;
    node.sorted = undefined;
    for (let f: FolderNode | undefined = node; f; f = f.parent) {
      f.count -= removed;
      for (const k of kinds) bump(f, k, -1);
      if (f.parent && f.count === 0) {
        f.parent.folders.delete(f.name);
        f.parent.sorted = undefined;
      }
    }
  }
}

function bump(folder: FolderNode, kind: EntryKind, by: number): void {
  const n = (folder.kinds.get(kind) ?? 0) + by;
  if (n > 0) folder.kinds.set(kind, n);
  else folder.kinds.delete(kind);
}

/** Folders first (by name), then files by name, the winning source before the overridden ones. */
function sortedChildren(folder: FolderNode): ReadonlyArray<TreeNode> {
  if (!folder.sorted) {
    const folders = [...folder.folders.values()].sort((a, b) => collator.compare(a.name, b.name));
    const files = [...folder.files.values()].sort(
      (a, b) => collator.compare(a.name, b.name) || Number(!!a.entry.overriddenBy) - Number(!!b.entry.overriddenBy),
    );
    folder.sorted = [...folders, ...files];
  }
  return folder.sorted;
}
