import fs from 'node:fs';
import path from 'node:path';
import type { LibraryEntry } from '../../shared/library';
import type { SearchHit, SearchResult } from '../../shared/search';
import type { SourceRoot } from '../library/tree';
import { applyPrecedence, isSourceRootDoc } from '../library/tree';
import { decodeCache, encodeCache, CACHE_VERSION, type IndexedFile } from './cache-codec';
import { readCacheFile, writeCacheFile, type CacheReadFailure } from './cache-file';
import { isIgnoredPath } from './ignore';
import { FIELD } from './postings';
import { bodyOf, describeContent, FileReader, mapPool } from './read-file';
import type { BuiltSegment } from './segment-builder';
import { inThreadSink, workerSink, type BulkSink, type FieldText } from './segment-worker';
import { SearchEngine } from './search-engine';
import { statOne, statTree, type StatEntry } from './stat-tree';
import { libraryRoot, lstatInRoot, readInRootAsync } from '../workspace/boundary';

/** Paths added, changed or removed, per source. */
export type ChangeSet = Map<string, string[]>;

export interface SearchQuery {
  readonly query: string;
  readonly source?: string;
  readonly tag?: string;
  readonly kind?: LibraryEntry['kind'];
  readonly limit?: number;
}

export type LoadOutcome =
  | { readonly kind: 'cache'; readonly bytes: number }
  | {
      readonly kind: 'cold';
      readonly why: CacheReadFailure | { readonly kind: 'unreadable'; readonly reason: string };
    };

const READ_CONCURRENCY = 32;
const MAX_KEPT_BODIES = 2000;
/** A batch of at least this many changed files (or any batch into an empty index) is indexed in bulk. */
const BULK_MIN = 2000;
/** Longest stretch of synchronous reading before the event loop gets a turn. */
const SLICE_MS = 8;
/** A cold build of at least this many files tokenizes in a worker thread (smaller ones are quicker here). */
const WORKER_MIN = 2000;
/** The bulk build of one reconcile, shared by its roots. */
interface BuildSession {
  sink?: BulkSink;
  worker: boolean;
  readonly docs: number[];
}
const tick = () => new Promise<void>((r) => setImmediate(r));
const key = (source: string, rel: string) => `${source}\u0000${rel}`;

/**
 * The in-memory library index: every file's record (path, source, size, mtime, hash, header fields, kind,
 * token estimate) plus the full-text search engine, brought up to date by re-stat (`reconcile`) or by the
 * paths a watcher reports (`reconcilePaths`), and persisted to one checked cache file.
 */
export class LibraryIndex {
  private roots: SourceRoot[] = [];
  private files = new Map<string, IndexedFile>();
  private docKeys: Array<string | undefined> = [];
  private engine = new SearchEngine();
  private reader = new FileReader();
  private pending = new Set<string>();
  /** Bodies just read by a re-stat, kept briefly so indexing a small batch does not read the files twice. */
  private bodies = new Map<string, string>();
  private version = 0;
  private treeCache?: { version: number; entries: LibraryEntry[] };
  /** Whether memory differs from the cache file. */
  dirty = false;

  /** A bulk build whose segment a worker thread is still making, and the documents in it. */
  private build?: { sink: BulkSink; docs: number[]; done: Promise<void>; result?: BuiltSegment };

  /**
   * `bulkWorker`: whether large builds tokenize in a worker thread ('auto': from WORKER_MIN files; tests force
   * 'always' or 'never').
   */
  constructor(
    private readonly cacheFile: string,
    private readonly bulkWorker: 'auto' | 'always' | 'never' = 'auto',
  ) {}

  /** Whether a worker thread is still building part of the search index. */
  get building(): boolean {
    return this.build !== undefined;
  }

  /** Resolves when the worker's build (if any) has finished, without touching the engine. */
  async buildFinished(): Promise<void> {
    await this.build?.done;
  }

  /**
   * Waits for the worker's build, if any, and puts its segment into the engine (documents removed or changed
   * meanwhile stay out). If the worker failed, its files are indexed again the ordinary way.
   */
  async settleBuild(): Promise<void> {
    const b = this.build;
    if (!b) return;
    await b.done;
    if (this.build !== b) return;
    this.build = undefined;
    const current = (doc: number) => {
      const k = this.docKeys[doc];
      return k !== undefined && this.files.get(k)?.doc === doc;
    };
    if (b.result) this.engine.addSegment(b.result, current);
    else for (const doc of b.docs) if (current(doc)) this.pending.add(this.docKeys[doc]!);
    this.dirty = true;
    this.version++;
  }

  /** Starts a bulk build for one reconcile (after any earlier one is in the engine). */
  private async openSink(session: BuildSession, files: number): Promise<BulkSink> {
    if (session.sink) return session.sink;
    await this.settleBuild();
    session.worker = this.bulkWorker === 'always' || (this.bulkWorker === 'auto' && files >= WORKER_MIN);
    session.sink = session.worker ? workerSink() : inThreadSink();
    return session.sink;
  }

  /** Ends a reconcile's bulk build: in the engine now (this thread), or when the worker is done. */
  private async closeSink(session: BuildSession): Promise<void> {
    const sink = session.sink;
    if (!sink) return;
    if (!session.docs.length) return sink.abort();
    if (!session.worker) {
      this.engine.addSegment(await sink.finish());
      return;
    }
    const b: NonNullable<LibraryIndex['build']> = {
      sink,
      docs: session.docs,
      done: sink.finish().then(
        (s) => void (b.result = s),
        () => undefined,
      ),
    };
    this.build = b;
  }

  get fileCount(): number {
    return this.files.size;
  }
  get termCount(): number {
    return this.engine.termCount;
  }
  get pendingBodies(): number {
    return this.pending.size;
  }
  get currentRoots(): ReadonlyArray<SourceRoot> {
    return this.roots;
  }
  filesOf(source: string): number {
    let n = 0;
    for (const f of this.files.values()) if (f.source === source) n++;
    return n;
  }
  totalTokens(): number {
    let n = 0;
    for (const f of this.files.values()) n += f.tokens;
    return n;
  }

  /** Loads the cache file if it is intact and of this version; otherwise starts empty (a cold build follows). */
  async loadCache(): Promise<LoadOutcome> {
    const read = await readCacheFile(this.cacheFile, CACHE_VERSION);
    if (read.kind !== 'ok') return { kind: 'cold', why: read };
    try {
      const c = decodeCache(read.sections);
      this.roots = [...c.roots];
      this.engine = c.engine;
      this.files = new Map();
      this.docKeys = [];
      for (const f of c.files) {
        const k = key(f.source, f.path);
        this.files.set(k, f);
        if (f.doc >= 0 && c.engine.isAlive(f.doc)) this.docKeys[f.doc] = k;
        else this.pending.add(k);
      }
      this.version++;
      return { kind: 'cache', bytes: read.bytes };
    } catch (e) {
      this.reset();
      return { kind: 'cold', why: { kind: 'unreadable', reason: (e as Error).message } };
    }
  }

  /** Forgets everything (the next reconcile is a cold build). */
  reset(): void {
    this.build?.sink.abort();
    this.build = undefined;
    this.roots = [];
    this.files = new Map();
    this.docKeys = [];
    this.engine = new SearchEngine();
    this.pending = new Set();
    this.bodies = new Map();
    this.version++;
    this.dirty = true;
  }

  private removeKey(k: string, changes: ChangeSet): void {
    const f = this.files.get(k);
    if (!f) return;
    this.files.delete(k);
    this.pending.delete(k);
    this.bodies.delete(k);
    if (f.doc >= 0) {
      this.engine.remove(f.doc);
      this.docKeys[f.doc] = undefined;
    }
    note(changes, f.source, f.path);
  }

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
    const same = (r: SourceRoot) => roots.some((x) => x.name === r.name && path.resolve(x.dir) === path.resolve(r.dir));
    const dropped = new Set(this.roots.filter((r) => !same(r)).map((r) => r.name));
    const known = new Set(this.roots.map((r) => r.name));
    for (const [k, f] of this.files) if (dropped.has(f.source) || !known.has(f.source)) this.removeKey(k, changes);
    if (dropped.size || roots.length !== this.roots.length) this.dirty = true;
    this.roots = roots.map((r) => ({ name: r.name, dir: path.resolve(r.dir) }));
  }

  /**
   * A start: loads the cache while the roots are stat'ed (the file read and its checksum run in the thread
   * pool, the stat calls on this thread), then reconciles the two. Returns how the cache was used.
   */
  async loadAndReconcile(roots: ReadonlyArray<SourceRoot>): Promise<{ outcome: LoadOutcome; changes: ChangeSet }> {
    const loading = this.loadCache();
    const stats = new Map<string, StatEntry[]>();
    for (const r of roots) {
      const dir = path.resolve(r.dir);
      stats.set(`${r.name}\u0000${dir}`, await statTree(dir));
    }
    const outcome = await loading;
    return { outcome, changes: await this.reconcile(roots, stats) };
  }

  /** Re-stats every root (a warm start, or a cold build when memory is empty) and re-reads only what changed. */
  async reconcile(roots: ReadonlyArray<SourceRoot>, statted?: ReadonlyMap<string, StatEntry[]>): Promise<ChangeSet> {
    const changes: ChangeSet = new Map();
    const session: BuildSession = { docs: [], worker: false };
    this.setRoots(roots, changes);
    for (const root of this.roots) {
      const stats = statted?.get(`${root.name}\u0000${root.dir}`) ?? (await statTree(root.dir));
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
      for (const rel of rels) {
        // lstat through the boundary: a path that is (or is below) a symlink counts as gone, as in the full walk.
        const st = rel ? lstatInRoot(libraryRoot(root.dir), rel) : fs.statSync(root.dir, { throwIfNoEntry: false });
        if (st?.isDirectory()) {
          const under = await statTree(root.dir, rel);
          const seen = new Set(under.map((s) => s.rel));
          const prefix = rel ? `${rel}/` : '';
          for (const [k, f] of this.files)
            if (f.source === root.name && f.path.startsWith(prefix) && !seen.has(f.path)) this.removeKey(k, changes);
          stats.push(...under);
        } else if (st?.isFile()) {
          const one = statOne(root.dir, rel);
          if (one) stats.push(one);
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

  /** Set when document ids run low; the service then rebuilds from scratch. */
  rebuildEngineLater = false;

  /** Writes the cache file and returns its size. */
  async persist(): Promise<number> {
    // Files whose bodies are not indexed yet are saved as "not indexed", so a later start indexes them.
    for (const k of this.pending) {
      const f = this.files.get(k);
      if (f && f.doc >= 0) {
        this.engine.remove(f.doc);
        this.docKeys[f.doc] = undefined;
        this.files.set(k, { ...f, doc: -1 });
      }
    }
    const bytes = await writeCacheFile(
      this.cacheFile,
      CACHE_VERSION,
      encodeCache({ roots: this.roots, files: [...this.files.values()], engine: this.engine }),
    );
    this.dirty = false;
    return bytes;
  }

  private treeState() {
    if (this.treeCache?.version !== this.version) {
      const entries = applyPrecedence(
        [...this.files.values()].map(entryOf),
        this.roots.map((r) => r.name),
      );
      this.treeCache = { version: this.version, entries };
    }
    return this.treeCache;
  }

  /** The source whose file of the same path wins over `f` (as the tree computes it), without building the tree. */
  private overriderOf(f: IndexedFile): string | undefined {
    if (isSourceRootDoc(f.path)) return undefined;
    for (let i = this.roots.length - 1; i >= 0; i--) {
      const name = this.roots[i]!.name;
      if (name === f.source) return undefined;
      if (this.files.has(key(name, f.path))) return name;
    }
    return undefined;
  }

  /** Every file in precedence order with overrides/overriddenBy, as `library:tree` returns it. */
  tree(): LibraryEntry[] {
    return this.treeState().entries;
  }

  /** The entries of every source at the given paths, with their precedence, without building the whole tree. */
  entriesAt(paths: ReadonlyArray<string>): LibraryEntry[] {
    const found: IndexedFile[] = [];
    for (const p of new Set(paths)) {
      for (const r of this.roots) {
        const f = this.files.get(key(r.name, p));
        if (f) found.push(f);
      }
    }
    return applyPrecedence(
      found.map(entryOf),
      this.roots.map((r) => r.name),
    );
  }

  /** Ranked full-text search with source, tag and kind filters; an empty query lists the filtered files. */
  search(q: SearchQuery): SearchResult {
    const started = performance.now();
    const limit = q.limit ?? 20;
    const tag = q.tag?.toLowerCase();
    const accept = (f: IndexedFile | undefined): f is IndexedFile =>
      !!f &&
      (!q.source || f.source === q.source) &&
      (!q.kind || f.kind === q.kind) &&
      (!tag || f.tags.some((t) => t.toLowerCase() === tag));
    const toHit = (f: IndexedFile, score: number, terms: ReadonlyArray<string>): SearchHit => {
      const over = this.overriderOf(f);
      return {
        source: f.source,
        path: f.path,
        kind: f.kind,
        title: f.title,
        description: f.description,
        tags: f.tags,
        score: Math.round(score * 1000) / 1000,
        terms,
        ...(over ? { overriddenBy: over } : {}),
      };
    };
    let hits: SearchHit[];
    let total: number;
    if (!q.query.trim()) {
      const all = [...this.files.values()]
        .filter(accept)
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      total = all.length;
      hits = all.slice(0, limit).map((f) => toHit(f, 0, []));
    } else {
      const filtered = !!(q.source || q.kind || tag);
      const found = this.engine.search(q.query, {
        limit,
        ...(filtered ? { accept: (doc: number) => accept(this.files.get(this.docKeys[doc] ?? '')) } : {}),
      });
      total = found.total;
      hits = found.hits.map((h) => toHit(this.files.get(this.docKeys[h.doc]!)!, h.score, h.terms));
    }
    return { query: q.query, total, hits, tookMs: Math.round((performance.now() - started) * 100) / 100 };
  }
}

function note(changes: ChangeSet, source: string, rel: string): void {
  const list = changes.get(source);
  if (list) list.push(rel);
  else changes.set(source, [rel]);
}

/** A file's record as a library entry (before precedence). */
function entryOf(f: IndexedFile): Omit<LibraryEntry, 'overrides' | 'overriddenBy'> {
  return {
    source: f.source,
    path: f.path,
    kind: f.kind,
    title: f.title,
    description: f.description,
    tags: f.tags,
    size: f.size,
    mtimeMs: f.mtimeMs,
    tokens: f.tokens,
  };
}
