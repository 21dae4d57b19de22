import type { LibraryEntry } from './library';

/** One search result: the file, why it ranked, and a short excerpt-free summary (bodies load on demand). */
export interface SearchHit extends Pick<
  LibraryEntry,
  'source' | 'path' | 'kind' | 'title' | 'description' | 'tags' | 'overriddenBy'
> {
  readonly score: number;
  /** The index terms that matched (after prefix and fuzzy expansion). */
  readonly terms: ReadonlyArray<string>;
}

export interface SearchResult {
  readonly query: string;
  readonly total: number;
  readonly hits: ReadonlyArray<SearchHit>;
  readonly tookMs: number;
}

/** What the index holds and how it was last brought up to date. */
export interface IndexStats {
  readonly files: number;
  /** Files per source, and how many its walk skipped (by pattern, type, symlink, size or name). */
  readonly sources: ReadonlyArray<{ readonly name: string; readonly files: number; readonly skipped?: number }>;
  readonly terms: number;
  readonly tokens: number;
  readonly watching: boolean;
  /** How the index was last loaded: from scratch, from the cache, or kept up to date in memory. */
  readonly loadedFrom: 'none' | 'cold' | 'cache' | 'memory';
  readonly lastUpdate?: { readonly at: string; readonly ms: number; readonly reread: number; readonly removed: number };
  readonly cacheFile: string;
  readonly cacheBytes: number;
}
