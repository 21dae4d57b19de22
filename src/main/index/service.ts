import fs from 'node:fs';
import type { LibraryEntry, SourceSkips } from '../../shared/library';
import type { IndexStats, SearchResult } from '../../shared/search';
import type { OperationContext } from '../context';
import type { EventBus } from '../events';
import type { SourceRoot } from '../library/tree';
import type { AuditTrail } from '../observability/audit';
import type { Logger } from '../observability/logger';
import { withLock } from '../workspace/lock';
import { LibraryIndex, type ChangeSet, type SearchQuery } from './library-index';
import { watchBatches, type BatchWatcher } from './watcher';

export interface IndexServiceOptions {
  /** The cache file, state/index/library.idx. */
  readonly cacheFile: string;
  /** The sources and the personal workspace, lowest precedence first; may throw NOT_INITIALIZED. */
  readonly roots: () => SourceRoot[];
  readonly logger: Logger;
  readonly events: EventBus;
  readonly lockFile: string;
  readonly audit: AuditTrail;
  readonly debounceMs?: number;
  /** How long after a change the cache file is rewritten while watching. */
  readonly persistDelayMs?: number;
  /** Whether large builds tokenize in a worker thread (default 'auto': from a few thousand files). */
  readonly buildInWorker?: 'auto' | 'always' | 'never';
}

/** The library index for one process: discovery, the persisted cache, live watching and search. */
export interface IndexService {
  /** Every file with its precedence, from the index (brought up to date first). */
  tree(ctx?: OperationContext): Promise<LibraryEntry[]>;
  /** Every entry (of any source, with its precedence) now at the given paths: what a tree delta needs. */
  entriesAt(paths: ReadonlyArray<string>, ctx?: OperationContext): Promise<LibraryEntry[]>;
  search(q: SearchQuery, ctx?: OperationContext): Promise<SearchResult>;
  /** What each source's walk skipped, by reason (brought up to date first). */
  skipped(ctx?: OperationContext): Promise<SourceSkips[]>;
  /** Throws the cache away and indexes everything again. */
  rebuild(ctx: OperationContext, opts?: { audit?: boolean }): Promise<IndexStats>;
  stats(): Promise<IndexStats>;
  /** Keeps the index up to date from file-system events (long-running processes: the app and the host). */
  watch(): Promise<void>;
  /** Applies queued watcher events now; resolves when the index reflects them. */
  settle(): Promise<void>;
  /** Stops watching and writes the cache if it changed. */
  close(): Promise<void>;
}

/** Which folders are watched: a source that appears later (cloned after start) changes it, so it gets watched. */
const sig = (roots: ReadonlyArray<SourceRoot>) =>
  roots.map((r) => `${r.name}=${r.dir}:${fs.existsSync(r.dir)}`).join('\n');

export function createIndexService(opts: IndexServiceOptions): IndexService {
  const index = new LibraryIndex(opts.cacheFile, opts.buildInWorker);
  const log = opts.logger.child({ component: 'index' });
  let loaded = false;
  let loadedFrom: IndexStats['loadedFrom'] = 'none';
  let lastUpdate: IndexStats['lastUpdate'];
  let wantWatch = false;
  let watcher: BatchWatcher | undefined;
  let watchedSig = '';
  /** Whether memory was re-stat'ed since the watcher on the current roots started. */
  let fresh = false;
  /** The roots' ignore lists as of the last re-stat: a changed list re-stats (and reindexes) that source. */
  let ignoreSig = '';
  let persistTimer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();

  /** Runs index work one at a time (watcher batches, requests and rebuilds never interleave). */
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  };

  const emitChanges = (changes: ChangeSet) => {
    for (const [source, paths] of changes) opts.events.emit('files:changed', { source, paths });
  };

  const persistNow = async () => {
    if (persistTimer) clearTimeout(persistTimer);
    persistTimer = undefined;
    // Never a cache of files whose search postings are still being built (a later start would index them one by one).
    await index.settleBuild();
    if (!index.dirty) return;
    const started = Date.now();
    const bytes = await index.persist();
    log.debug('index cache written', { bytes, ms: Date.now() - started });
  };

  const schedulePersist = () => {
    if (persistTimer) return;
    persistTimer = setTimeout(
      () => void serial(persistNow).catch((e: unknown) => log.warn('index cache not written', { error: String(e) })),
      opts.persistDelayMs ?? 3000,
    );
    persistTimer.unref();
  };

  const onBatch = (paths: ReadonlySet<string>) =>
    serial(async () => {
      const started = Date.now();
      const changes = await index.reconcilePaths(paths);
      const reread = await index.indexPending();
      lastUpdate = { at: new Date().toISOString(), ms: Date.now() - started, reread, removed: 0 };
      if (changes.size) {
        emitChanges(changes);
        schedulePersist();
      }
    });

  const startWatching = async (roots: ReadonlyArray<SourceRoot>) => {
    const s = sig(roots);
    if (watcher && watchedSig === s) return;
    fresh = false;
    await watcher?.close();
    watchedSig = s;
    watcher = watchBatches({
      dirs: roots.map((r) => r.dir),
      debounceMs: opts.debounceMs ?? 40,
      onBatch,
      onError: (e) => log.warn('watcher error', { error: String(e) }),
    });
    await watcher.ready;
    log.info('watching the library', { roots: roots.length });
  };

  /** Loads (cache or cold), then re-stats unless a watcher already keeps memory current. */
  const refresh = async (ctx?: OperationContext): Promise<void> => {
    const roots = opts.roots();
    const started = Date.now();
    // Watch before re-stat, so nothing that changes during the re-stat is missed.
    if (wantWatch) await startWatching(roots);
    const ignores = JSON.stringify(roots.map((r) => [r.name, r.ignore ?? []]));
    if (ignores !== ignoreSig) fresh = false;
    ignoreSig = ignores;
    let changes: ChangeSet;
    if (!loaded) {
      ctx?.progress({ phase: 'Reading the library' });
      const start = await index.loadAndReconcile(roots);
      const outcome = start.outcome;
      if (outcome.kind === 'cold' && outcome.why.kind !== 'missing')
        log.warn('index cache not used; rebuilding', { why: outcome.why });
      changes = start.changes;
      loadedFrom = outcome.kind;
      loaded = true;
      if (outcome.kind === 'cache') emitChanges(changes);
    } else if (!watcher || !fresh) {
      log.debug('library re-stat', { roots: roots.length, watching: !!watcher });
      changes = await index.reconcile(roots);
      emitChanges(changes);
      // Nothing changed: memory is current all the same, so a watcher keeps it so from here on.
      if (!changes.size) {
        fresh = !!watcher;
        return;
      }
    } else {
      loadedFrom = 'memory';
      return;
    }
    fresh = !!watcher;
    if (changes.size || loadedFrom !== 'memory')
      lastUpdate = {
        at: new Date().toISOString(),
        ms: Date.now() - started,
        reread: [...changes.values()].reduce((a, l) => a + l.length, 0),
        removed: 0,
      };
  };

  /**
   * While a worker builds the search index, the tree is already answered; when the build is done its segment
   * goes into the engine and the cache is written (a one-shot CLI process stays alive until then).
   */
  let afterBuild: Promise<void> | undefined;
  const whenBuilt = () => {
    if (afterBuild || !index.building) return;
    afterBuild = index
      .buildFinished()
      .then(() =>
        serial(async () => {
          await index.settleBuild();
          if (watcher) schedulePersist();
          else await persistNow();
        }),
      )
      .catch((e: unknown) => log.warn('index cache not written', { error: String(e) }))
      .finally(() => (afterBuild = undefined));
  };

  const ensure = async (needSearch: boolean, ctx?: OperationContext) => {
    await watcher?.flush();
    await serial(async () => {
      await refresh(ctx);
      if (needSearch && index.building) ctx?.progress({ phase: 'Indexing file contents' });
      if (needSearch && (index.pendingBodies || index.building)) {
        await index.indexPending(
          (done, total) =>
            total >= 2000 &&
            ctx?.progress({ phase: 'Indexing file contents', percent: Math.floor((done / total) * 100) }),
        );
      }
      if (index.rebuildEngineLater) {
        index.reset();
        await refresh(ctx);
        await index.indexPending();
      }
      if (index.building) whenBuilt();
      else if (index.dirty) {
        if (watcher) schedulePersist();
        else await persistNow();
      }
    });
  };

  const stats = (): IndexStats => {
    let cacheBytes = 0;
    try {
      cacheBytes = fs.statSync(opts.cacheFile).size;
    } catch {
      // no cache yet
    }
    return {
      files: index.fileCount,
      sources: (() => {
        const skipped = new Map(index.skipped().map((x) => [x.source, x.total]));
        return index.currentRoots.map((r) => ({
          name: r.name,
          files: index.filesOf(r.name),
          skipped: skipped.get(r.name) ?? 0,
        }));
      })(),
      terms: index.termCount,
      tokens: index.totalTokens(),
      watching: !!watcher,
      loadedFrom,
      ...(lastUpdate ? { lastUpdate } : {}),
      cacheFile: opts.cacheFile,
      cacheBytes,
    };
  };

  return {
    async tree(ctx) {
      await ensure(false, ctx);
      return index.tree();
    },
    async entriesAt(paths, ctx) {
      await ensure(false, ctx);
      return index.entriesAt(paths);
    },
    async search(q, ctx) {
      await ensure(true, ctx);
      return index.search(q);
    },
    async skipped(ctx) {
      await ensure(false, ctx);
      return index.skipped();
    },
    async rebuild(ctx, rebuildOpts = {}) {
      const started = Date.now();
      return withLock(opts.lockFile, 'index.rebuild', () =>
        serial(async () => {
          index.reset();
          loaded = true;
          loadedFrom = 'cold';
          ctx.progress({ phase: 'Indexing the library' });
          await index.reconcile(opts.roots());
          await index.indexPending((done, total) =>
            ctx.progress({ phase: 'Indexing file contents', percent: Math.floor((done / total) * 100) }),
          );
          await persistNow();
          lastUpdate = { at: new Date().toISOString(), ms: Date.now() - started, reread: index.fileCount, removed: 0 };
          ctx.progress({ phase: 'Done', done: true });
          const s = stats();
          if (rebuildOpts.audit !== false)
            opts.audit.append({
              operation: 'index.rebuild',
              target: opts.cacheFile,
              result: 'ok',
              durationMs: Date.now() - started,
              correlationId: ctx.correlationId,
              details: { files: s.files, terms: s.terms },
            });
          return s;
        }),
      );
    },
    async stats() {
      // The word count comes from the search postings: index what is pending, or it lags behind the file count.
      await ensure(true);
      return stats();
    },
    async watch() {
      wantWatch = true;
      try {
        await ensure(false);
      } catch (e) {
        // Not initialised yet: watching starts with the first request after `init`.
        log.info('index not watching yet', { reason: (e as Error).message });
      }
    },
    async settle() {
      await watcher?.flush();
      await serial(async () => undefined);
    },
    async close() {
      wantWatch = false;
      await watcher?.close();
      watcher = undefined;
      await serial(async () => {
        await index.settleBuild();
        await persistNow();
      });
    },
  };
}
