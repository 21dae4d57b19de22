import type { LibraryEntry } from '../../shared/library';
import type { SourceRoot } from '../library/tree';
import { decodeCache, encodeCache, CACHE_VERSION, type IndexedFile } from './cache-codec';
import { readCacheFile, writeCacheFile, type CacheReadFailure } from './cache-file';
import { key, note, type ChangeSet } from './change-set';
import { FileReader } from './read-file';
import type { BuiltSegment } from './segment-builder';
import { inThreadSink, workerSink, type BulkSink } from './segment-worker';
import { SearchEngine } from './search-engine';

export type LoadOutcome =
  | { readonly kind: 'cache'; readonly bytes: number }
  | {
      readonly kind: 'cold';
      readonly why: CacheReadFailure | { readonly kind: 'unreadable'; readonly reason: string };
    };

/** A cold build of at least this many files tokenizes in a worker thread (smaller ones are quicker here). */
const WORKER_MIN = 2000;
/** The bulk build of one reconcile, shared by its roots. */
export interface BuildSession {
  sink?: BulkSink;
  worker: boolean;
  readonly docs: number[];
}

/**
 * The state of the library index (file records, search engine, files waiting for their bodies), its cache file,
 * and the bulk builds a worker thread makes; `LibraryIndex` adds reconciling and queries on top.
 */
export class IndexStore {
  protected roots: SourceRoot[] = [];
  protected files = new Map<string, IndexedFile>();
  protected docKeys: Array<string | undefined> = [];
  protected engine = new SearchEngine();
  protected reader = new FileReader();
  protected pending = new Set<string>();
  /** Bodies just read by a re-stat, kept briefly so indexing a small batch does not read the files twice. */
  protected bodies = new Map<string, string>();
  protected version = 0;
  protected treeCache?: { version: number; entries: LibraryEntry[] };
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
  protected async openSink(session: BuildSession, files: number): Promise<BulkSink> {
    if (session.sink) return session.sink;
    await this.settleBuild();
    session.worker = this.bulkWorker === 'always' || (this.bulkWorker === 'auto' && files >= WORKER_MIN);
    session.sink = session.worker ? workerSink() : inThreadSink();
    return session.sink;
  }

  /** Ends a reconcile's bulk build: in the engine now (this thread), or when the worker is done. */
  protected async closeSink(session: BuildSession): Promise<void> {
    const sink = session.sink;
    if (!sink) return;
    if (!session.docs.length) return sink.abort();
    if (!session.worker) {
      this.engine.addSegment(await sink.finish());
      return;
    }
    const b: NonNullable<IndexStore['build']> = {
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

  /** Drops one file from the records and the engine, noting it in `changes`. */
  protected removeKey(k: string, changes: ChangeSet): void {
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
}
