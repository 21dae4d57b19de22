import type { LibraryEntry } from '../../shared/library';
import type { SearchHit, SearchResult } from '../../shared/search';
import type { SourceRoot } from '../library/tree';
import { applyPrecedence, isSourceRootDoc } from '../library/tree';
import type { IndexedFile } from './cache-codec';
import { key } from './change-set';
import type { SearchEngine } from './search-engine';

/** A search of the library index: the query text and its filters. */
export interface SearchQuery {
  readonly query: string;
  readonly source?: string;
  readonly tag?: string;
  readonly kind?: LibraryEntry['kind'];
  readonly limit?: number;
}

/** What the queries read: the roots in precedence order, the file records, and the engine with its documents. */
export interface IndexView {
  readonly roots: ReadonlyArray<SourceRoot>;
  readonly files: ReadonlyMap<string, IndexedFile>;
  readonly docKeys: ReadonlyArray<string | undefined>;
  readonly engine: SearchEngine;
}

/** Every file in precedence order with overrides/overriddenBy. */
export function treeEntries(ix: Pick<IndexView, 'roots' | 'files'>): LibraryEntry[] {
  return applyPrecedence(
    [...ix.files.values()].map(entryOf),
    ix.roots.map((r) => r.name),
  );
}

/** The source whose file of the same path wins over `f` (as the tree computes it), without building the tree. */
function overriderOf(ix: Pick<IndexView, 'roots' | 'files'>, f: IndexedFile): string | undefined {
  if (isSourceRootDoc(f.path)) return undefined;
  for (let i = ix.roots.length - 1; i >= 0; i--) {
    const name = ix.roots[i]!.name;
    if (name === f.source) return undefined;
    if (ix.files.has(key(name, f.path))) return name;
  }
  return undefined;
}

/** The entries of every source at the given paths, with their precedence, without building the whole tree. */
export function entriesAt(ix: Pick<IndexView, 'roots' | 'files'>, paths: ReadonlyArray<string>): LibraryEntry[] {
  const found: IndexedFile[] = [];
  for (const p of new Set(paths)) {
    for (const r of ix.roots) {
      const f = ix.files.get(key(r.name, p));
      if (f) found.push(f);
    }
  }
  return applyPrecedence(
    found.map(entryOf),
    ix.roots.map((r) => r.name),
  );
}

/** Ranked full-text search with source, tag and kind filters; an empty query lists the filtered files. */
export function searchIndex(ix: IndexView, q: SearchQuery): SearchResult {
  const { files, docKeys, engine } = ix;
  const started = performance.now();
  const limit = q.limit ?? 20;
  const tag = q.tag?.toLowerCase();
  const accept = (f: IndexedFile | undefined): f is IndexedFile =>
    !!f &&
    (!q.source || f.source === q.source) &&
    (!q.kind || f.kind === q.kind) &&
    (!tag || f.tags.some((t) => t.toLowerCase() === tag));
  const toHit = (f: IndexedFile, score: number, terms: ReadonlyArray<string>): SearchHit => {
    const over = overriderOf(ix, f);
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
    const all = [...files.values()].filter(accept).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    total = all.length;
    hits = all.slice(0, limit).map((f) => toHit(f, 0, []));
  } else {
    const filtered = !!(q.source || q.kind || tag);
    const found = engine.search(q.query, {
      limit,
      ...(filtered ? { accept: (doc: number) => accept(files.get(docKeys[doc] ?? '')) } : {}),
    });
    total = found.total;
    hits = found.hits.map((h) => toHit(files.get(docKeys[h.doc]!)!, h.score, h.terms));
  }
  return { query: q.query, total, hits, tookMs: Math.round((performance.now() - started) * 100) / 100 };
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
