import type { EntryKind } from '../../shared/library';
import type { SourceRoot } from '../library/tree';
import type { Section } from './cache-file';
import type { FileRecord } from './read-file';
import { SearchEngine } from './search-engine';

/**
 * Bump when the layout of the cache (or the meaning of a stored field) changes; an older or newer file is rebuilt,
 * never read. 4: skills, commands, hooks and permissions have their own kind (they were knowledge). 5: frontmatter
 * strict YAML refuses is read by the tolerant reader (description, tags kept) and is never part of the body.
 * 6: files in known tool folders (`.cursor/rules/*.mdc`, `.mcp.json`...) with their kinds; c#/c++/.net and CJK terms.
 * 7: the walk knows every folder of the one tool-folder table (`.devin/workflows`, `.gemini/rules`...).
 */
export const CACHE_VERSION = 7;

/** A discovered file and its document id in the search index (-1 until its body has been indexed). */
export interface IndexedFile extends FileRecord {
  readonly doc: number;
}

type Row = [string, string, EntryKind, string, string, ReadonlyArray<string>, number, number, string, number, number];

export interface CacheContent {
  readonly roots: ReadonlyArray<SourceRoot>;
  readonly files: ReadonlyArray<IndexedFile>;
  readonly engine: SearchEngine;
}

/** The index as cache sections: file records as compact JSON rows, plus the search engine's binary sections. */
export function encodeCache(c: CacheContent): Record<string, Section> {
  // In path order, so the tree built from a loaded cache sorts already-sorted input.
  const byPath = [...c.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // The JSON in pieces of a few thousand rows: one string of every row would be a second copy of them all.
  const parts: Buffer[] = [Buffer.from(`{"roots":${JSON.stringify(c.roots)},"files":[`, 'utf8')];
  for (let i = 0; i < byPath.length; i += 2000) {
    const rows: Row[] = byPath
      .slice(i, i + 2000)
      .map((f) => [
        f.source,
        f.path,
        f.kind,
        f.title,
        f.description,
        f.tags,
        f.size,
        f.mtimeMs,
        f.hash,
        f.tokens,
        f.doc,
      ]);
    parts.push(Buffer.from((i ? ',' : '') + JSON.stringify(rows).slice(1, -1), 'utf8'));
  }
  parts.push(Buffer.from(']}', 'utf8'));
  return {
    meta: { length: parts.reduce((n, p) => n + p.byteLength, 0), chunks: () => parts },
    ...c.engine.serialize(),
  };
}

/** The inverse of `encodeCache`; throws on anything malformed (the caller then rebuilds). */
export function decodeCache(sections: Readonly<Record<string, Buffer>>): CacheContent {
  const meta = JSON.parse(sections.meta?.toString('utf8') ?? '') as { roots: SourceRoot[]; files: Row[] };
  if (!Array.isArray(meta.roots) || !Array.isArray(meta.files)) throw new Error('bad meta section');
  const engine = SearchEngine.deserialize(sections);
  const files = meta.files.map((r): IndexedFile => {
    if (!Array.isArray(r) || r.length !== 11 || typeof r[1] !== 'string' || typeof r[10] !== 'number')
      throw new Error('bad file row');
    return {
      source: r[0],
      path: r[1],
      kind: r[2],
      title: r[3],
      description: r[4],
      tags: r[5],
      size: r[6],
      mtimeMs: r[7],
      hash: r[8],
      tokens: r[9],
      doc: r[10],
    };
  });
  return { roots: meta.roots, files, engine };
}
