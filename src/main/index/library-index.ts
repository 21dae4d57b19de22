import fs from 'node:fs';
import path from 'node:path';
import type { LibraryEntry, SkipReason, SourceSkips } from '../../shared/library';
import type { SearchResult } from '../../shared/search';
import { summarizeSkips } from '../library/skips';
import type { SourceRoot } from '../library/tree';
import type { TreeScan } from '../library/walk';
import { key, note, type ChangeSet } from './change-set';
import { isIgnoredPath } from './ignore';
import { entriesAt, searchIndex, treeEntries, type IndexView, type SearchQuery } from './index-queries';
import { IndexStore, type BuildSession, type LoadOutcome } from './index-store';
import { FIELD } from './postings';
import { bodyOf, describeContent, mapPool } from './read-file';
import type { FieldText } from './segment-worker';
import { statOne, statTree, type StatEntry } from './stat-tree';
import { libraryRoot, lstatInRoot, readInRootAsync } from '../workspace/boundary';

/** A root's walk options: its ignore list. */
const walkOpts = (r: SourceRoot) => (r.ignore ? { ignore: r.ignore } : {});
/** A root's identity for reindexing: its folder and its ignore list (a changed list reindexes the source). */
const rootSig = (r: SourceRoot) => `${path.resolve(r.dir)}\u0000${(r.ignore ?? []).join('\u0000')}`;

export type { ChangeSet } from './change-set';
export type { SearchQuery } from './index-queries';
export type { LoadOutcome } from './index-store';

const READ_CONCURRENCY = 32;
const MAX_KEPT_BODIES = 2000;
/** A batch of at least this many changed files (or any batch into an empty index) is indexed in bulk. */
const BULK_MIN = 2000;
/** Longest stretch of synchronous reading before the event loop gets a turn. */
const SLICE_MS = 8;
const tick = () => new Promise<void>((r) => setImmediate(r));

/**
 * The in-memory library index: every file's record (path, source, size, mtime, hash, header fields, kind,
 * token estimate) plus the full-text search engine, brought up to date by re-stat (`reconcile`) or by the
 * paths a watcher reports (`reconcilePaths`), and persisted to one checked cache file.
 */
export class LibraryIndex extends IndexStore {
  /** What each source's walk skipped, path -> reason (kept current by re-stats and watcher batches; not cached). */
  private readonly skips = new Map<string, Map<string, SkipReason>>();

  /**
   * Re-reads the stat'ed files whose size or mtime changed and records the ones whose content changed. Files
   * are read synchronously into one buffer, in slices between which the event loop runs. A cold build (or any
   * large batch) indexes each body straight from those bytes into one new search segment, so every file is
   * read once; a small batch keeps the bodies for `indexPending`, which adds them to the engine's delta.
   */
  private async refreshStats(
    root: SourceRoot,
    stats: ReadonlyArray<StatEntry>,
    changes: ChangeSet,
    session: BuildSession,
  ): Promise<void> {
    const toRead = stats.filter((st) => {
      const old = this.files.get(key(root.name, st.rel));
      return !old || old.size !== st.size || old.mtimeMs !== st.mtimeMs;
    });
    const bulk =
      session.sink !== undefined ||
      (toRead.length > 0 && (this.engine.size === 0 || toRead.length >= Math.max(BULK_MIN, this.engine.size / 20)));
    const sink = bulk ? await this.openSink(session, toRead.length) : undefined;
    let sliceStart = performance.now();
    for (const st of toRead) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await (sink?.backlog() ?? tick());
        sliceStart = performance.now();
      }
      const k = key(root.name, st.rel);
      const bytes = this.reader.read(root.dir + path.sep + st.rel, st.size);
      if (!bytes) {
        this.removeKey(k, changes);
        continue;
      }
      const res = describeContent(root.name, st.rel, bytes, st);
      const old = this.files.get(k);
      this.dirty = true;
      if (old && old.hash === res.record.hash) {
        this.files.set(k, { ...old, size: res.record.size, mtimeMs: res.record.mtimeMs });
        continue;
      }
      note(changes, root.name, st.rel);
      this.bodies.delete(k);
      if (sink) {
        if (old && old.doc >= 0) {
          this.engine.remove(old.doc);
          this.docKeys[old.doc] = undefined;
        }
        const doc = this.engine.newDocId();
        const f = res.record;
        sink.add(doc, bytes, res.bodyByte, bytes.byteLength, [
          [f.title, FIELD.title],
          ...f.tags.map((t): FieldText => [t, FIELD.tags]),
          [f.path, FIELD.path],
          [f.description, FIELD.description],
        ]);
        session.docs.push(doc);
        this.files.set(k, { ...f, doc });
        this.docKeys[doc] = k;
        this.pending.delete(k);
      } else {
        this.files.set(k, { ...res.record, doc: old?.doc ?? -1 });
        this.pending.add(k);
        if (this.bodies.size < MAX_KEPT_BODIES) this.bodies.set(k, res.body);
      }
    }
  }

  /** Applies a new set of roots: files of sources that are gone, or whose folder moved, are dropped. */
  private setRoots(roots: ReadonlyArray<SourceRoot>, changes: ChangeSet): void {
    const same = (r: SourceRoot) => roots.some((x) => x.name === r.name && rootSig(x) === rootSig(r));
    const dropped = new Set(this.roots.filter((r) => !same(r)).map((r) => r.name));
    const known = new Set(this.roots.map((r) => r.name));
    for (const [k, f] of this.files) if (dropped.has(f.source) || !known.has(f.source)) this.removeKey(k, changes);
    if (dropped.size || roots.length !== this.roots.length) this.dirty = true;
    this.roots = roots.map((r) => ({
      name: r.name,
      dir: path.resolve(r.dir),
      ...(r.ignore ? { ignore: r.ignore } : {}),
    }));
    for (const name of [...this.skips.keys()]) if (!this.roots.some((r) => r.name === name)) this.skips.delete(name);
  }

  /**
   * A start: loads the cache while the roots are stat'ed (the file read and its checksum run in the thread
   * pool, the stat calls on this thread), then reconciles the two. Returns how the cache was used.
   */
  async loadAndReconcile(roots: ReadonlyArray<SourceRoot>): Promise<{ outcome: LoadOutcome; changes: ChangeSet }> {
    const loading = this.loadCache();
    const stats = new Map<string, TreeScan>();
    for (const r of roots) {
      const dir = path.resolve(r.dir);
      stats.set(`${r.name}\u0000${dir}`, await statTree(dir, '', walkOpts(r)));
    }
    const outcome = await loading;
    return { outcome, changes: await this.reconcile(roots, stats) };
  }

  /** Re-stats every root (a warm start, or a cold build when memory is empty) and re-reads only what changed. */
  async reconcile(roots: ReadonlyArray<SourceRoot>, statted?: ReadonlyMap<string, TreeScan>): Promise<ChangeSet> {
    const changes: ChangeSet = new Map();
    const session: BuildSession = { docs: [], worker: false };
    this.setRoots(roots, changes);
    for (const root of this.roots) {
      const scan = statted?.get(`${root.name}\u0000${root.dir}`) ?? (await statTree(root.dir, '', walkOpts(root)));
      this.skips.set(root.name, scan.skipped);
      const stats = scan.files;
      // One lookup per file: which changed, and whether every known file was seen (then none was deleted).
      const changed: StatEntry[] = [];
      let known = 0;
      for (const st of stats) {
        const old = this.files.get(key(root.name, st.rel));
        if (old) known++;
        if (!old || old.size !== st.size || old.mtimeMs !== st.mtimeMs) changed.push(st);
      }
      if (known !== this.filesOf(root.name)) {
        const seen = new Set(stats.map((st) => key(root.name, st.rel)));
        for (const [k, f] of this.files) if (f.source === root.name && !seen.has(k)) this.removeKey(k, changes);
      }
      await this.refreshStats(root, changed, changes, session);
    }
    await this.closeSink(session);
    if (changes.size) this.version++;
    return changes;
  }

  /** Brings the given absolute paths (files or folders, added, changed or removed) up to date. */
  async reconcilePaths(absPaths: Iterable<string>): Promise<ChangeSet> {
    const changes: ChangeSet = new Map();
    const session: BuildSession = { docs: [], worker: false };
    const byRoot = new Map<SourceRoot, Set<string>>();
    for (const abs of absPaths) {
      const root = this.roots.find((r) => abs === r.dir || abs.startsWith(r.dir + path.sep));
      if (!root) continue;
      const rel = path.relative(root.dir, abs).split(path.sep).join('/');
      if (rel && isIgnoredPath(rel)) continue;
      let set = byRoot.get(root);
      if (!set) byRoot.set(root, (set = new Set()));
      set.add(rel);
    }
    for (const [root, rels] of byRoot) {
      const stats: StatEntry[] = [];
      let skips = this.skips.get(root.name);
      if (!skips) this.skips.set(root.name, (skips = new Map()));
      for (const rel of rels) {
        const prefix = rel ? `${rel}/` : '';
        // lstat through the boundary: a path that is (or is below) a symlink counts as gone, as in the full walk.
        const st = rel ? lstatInRoot(libraryRoot(root.dir), rel) : fs.statSync(root.dir, { throwIfNoEntry: false });
        skips.delete(rel);
        // A folder (re-stat'ed below) or a path that is gone (it may have been one): its old skips go too.
        if (!st?.isFile()) for (const p of skips.keys()) if (p.startsWith(prefix)) skips.delete(p);
        // A file the boundary lstat'ed (no symlink on its way) needs no second stat of its folders.
        const one = rel && !st?.isDirectory() ? statOne(root.dir, rel, walkOpts(root), st) : undefined;
        if (one?.skip) skips.set(rel, one.skip);
        if (st?.isDirectory()) {
          const under = await statTree(root.dir, rel, walkOpts(root));
          for (const [p, why] of under.skipped) skips.set(p, why);
          const seen = new Set(under.files.map((s) => s.rel));
          for (const [k, f] of this.files)
            if (f.source === root.name && f.path.startsWith(prefix) && !seen.has(f.path)) this.removeKey(k, changes);
          stats.push(...under.files);
        } else if (st?.isFile() && one?.entry) {
          stats.push(one.entry);
        } else if (st?.isFile()) {
          const k = key(root.name, rel);
          if (this.files.has(k)) this.removeKey(k, changes);
        } else {
          const k = key(root.name, rel);
          if (this.files.has(k)) this.removeKey(k, changes);
          else
            for (const [fk, f] of this.files)
              if (f.source === root.name && f.path.startsWith(`${rel}/`)) this.removeKey(fk, changes);
        }
      }
      await this.refreshStats(root, stats, changes, session);
    }
    await this.closeSink(session);
    if (changes.size) this.version++;
    return changes;
  }

  /** Reads and indexes the bodies of new and changed files (the search engine keeps none of them). */
  async indexPending(onProgress?: (done: number, total: number) => void): Promise<number> {
    await this.settleBuild();
    const keys = [...this.pending];
    this.pending.clear();
    const rootOf = new Map(this.roots.map((r) => [r.name, r]));
    let done = 0;
    for (let i = 0; i < keys.length; i += 256) {
      const chunk = keys.slice(i, i + 256);
      const bodies = await mapPool(chunk, READ_CONCURRENCY, async (k) => {
        const f = this.files.get(k);
        const root = f && rootOf.get(f.source);
        if (!f || !root) return undefined;
        const kept = this.bodies.get(k);
        if (kept !== undefined) return kept;
        try {
          const buf = await readInRootAsync(libraryRoot(root.dir), f.path);
          return buf && bodyOf(f.path, buf.toString('utf8'));
        } catch {
          return undefined;
        }
      });
      chunk.forEach((k, j) => {
        const f = this.files.get(k);
        const body = bodies[j];
        if (!f || body === undefined) return;
        if (f.doc >= 0) {
          this.engine.remove(f.doc);
          this.docKeys[f.doc] = undefined;
        }
        const doc = this.engine.newDocId();
        this.engine.add(doc, { title: f.title, tags: f.tags, path: f.path, description: f.description, body });
        this.docKeys[doc] = k;
        this.files.set(k, { ...f, doc });
      });
      done += chunk.length;
      if (this.engine.pendingDocs > Math.max(4000, this.engine.size / 4)) this.engine.compact();
      onProgress?.(done, keys.length);
    }
    this.bodies.clear();
    // A large batch is merged into the compact segment now, so searches never scan a big delta.
    if (this.engine.pendingDocs > Math.max(256, this.engine.size / 50)) this.engine.compact();
    if (keys.length) {
      this.dirty = true;
      this.version++;
    }
    if (this.engine.capacityLeft < 1_000_000) this.rebuildEngineLater = true;
    return keys.length;
  }

  /** The state the queries read. */
  private view(): IndexView {
    return { roots: this.roots, files: this.files, docKeys: this.docKeys, engine: this.engine };
  }

  private treeState() {
    if (this.treeCache?.version !== this.version) {
      const entries = treeEntries(this.view());
      this.treeCache = { version: this.version, entries };
    }
    return this.treeCache;
  }

  /** What each source's walk skipped and why (sources that skipped nothing included, with a total of 0). */
  skipped(): SourceSkips[] {
    return this.roots.map((r) => summarizeSkips(r.name, this.skips.get(r.name) ?? []));
  }

  /** Every file in precedence order with overrides/overriddenBy, as `library:tree` returns it. */
  tree(): LibraryEntry[] {
    return this.treeState().entries;
  }

  /** The entries of every source at the given paths, with their precedence, without building the whole tree. */
  entriesAt(paths: ReadonlyArray<string>): LibraryEntry[] {
    return entriesAt(this.view(), paths);
  }

  /** Ranked full-text search with source, tag and kind filters; an empty query lists the filtered files. */
  search(q: SearchQuery): SearchResult {
    return searchIndex(this.view(), q);
  }
}
