import { ensureU32, ensureU8, FIELD, MAX_DOCS, pack } from './postings';
import { ownString } from './own-string';
import type { Section } from './cache-file';
import { deltaSegment } from './delta-segment';
import { engineSections, readEngineSections } from './engine-sections';
import { segmentExpansions, withDeltaExpansions, type Expansion } from './expansion';
import { QueryScratch } from './query-scratch';
import { queryWords } from './query-words';
import { scoreQuery, type EngineHit } from './score-query';
import { emptySegment, lowerBound, type Segment } from './segment';
import type { BuiltSegment } from './segment-builder';
import { mergeSegments } from './segment-merge';
import { forEachTerm } from './tokenize';

export type { EngineHit } from './score-query';

/** The text of one document, as the engine indexes it (nothing of it is stored). */
export interface DocText {
  readonly title: string;
  readonly tags: ReadonlyArray<string>;
  readonly path: string;
  readonly description: string;
  readonly body: string;
}

/** Segment expansions of recent query words (as the user types, each keystroke repeats the earlier words). */
const EXPANSION_CACHE = 512;

/**
 * A compact full-text index: BM25 over the body plus boosts for title, tags, path and description, with
 * prefix and fuzzy matching. Postings are packed 32-bit integers in one flat array (the segment) plus a
 * small in-memory delta for documents added since the last compaction; removed documents are tombstoned.
 * About 4 bytes per (document, distinct term), where a general-purpose engine spends 30 to 60.
 */
export class SearchEngine {
  private seg: Segment = emptySegment();
  /** Postings added since the last compaction; plain arrays, which are far cheaper to create than typed ones. */
  private delta = new Map<string, number[]>();
  private deltaDocs = 0;
  private removedSinceCompact = 0;
  private alive = new Uint8Array(1024);
  private lens = new Uint32Array(1024);
  private nextDoc = 0;
  private live = 0;
  private totalLen = 0;

  /** Document ids are never reused; a changed file gets a new one. */
  newDocId(): number {
    if (this.nextDoc >= MAX_DOCS) throw new Error('search index full: rebuild it');
    return this.nextDoc++;
  }

  get size(): number {
    return this.live;
  }
  /** Distinct terms: the segment's plus the delta's that the segment does not have (a word in both counts once). */
  get termCount(): number {
    const terms = this.seg.terms;
    let extra = 0;
    for (const t of this.delta.keys()) if (terms[lowerBound(terms, t)] !== t) extra++;
    return terms.length + extra;
  }
  get pendingDocs(): number {
    return this.deltaDocs;
  }
  get capacityLeft(): number {
    return MAX_DOCS - this.nextDoc;
  }

  /** Delta term -> slot in `lists` (the same arrays as in `delta`), and a per-slot scratch for one document. */
  private ids = new Map<string, number>();
  private lists: number[][] = [];
  private scratch = new Int32Array(4096);

  private slot(t: string): number {
    let id = this.ids.get(t);
    if (id === undefined) {
      t = ownString(t);
      id = this.lists.length;
      const list: number[] = [];
      this.lists.push(list);
      this.ids.set(t, id);
      this.delta.set(t, list);
      if (id >= this.scratch.length) {
        const next = new Int32Array(this.scratch.length * 2);
        next.set(this.scratch);
        this.scratch = next;
      }
    }
    return id;
  }

  add(doc: number, text: DocText): void {
    const touched: number[] = [];
    let len = 0;
    forEachTerm(text.body, (t) => {
      len++;
      const id = this.slot(t);
      const m = this.scratch[id]!;
      if (m === 0) touched.push(id);
      if (m < 0xf0) this.scratch[id] = m + 16;
    });
    const mark = (field: number) => (t: string) => {
      const id = this.slot(t);
      if (this.scratch[id] === 0) touched.push(id);
      this.scratch[id]! |= field;
    };
    forEachTerm(text.title, mark(FIELD.title));
    for (const tag of text.tags) forEachTerm(tag, mark(FIELD.tags));
    forEachTerm(text.path, mark(FIELD.path));
    forEachTerm(text.description, mark(FIELD.description));
    for (const id of touched) {
      this.lists[id]!.push(pack(doc, this.scratch[id]!));
      this.scratch[id] = 0;
    }
    this.alive = ensureU8(this.alive, doc);
    this.lens = ensureU32(this.lens, doc);
    if (!this.alive[doc]) this.live++;
    this.alive[doc] = 1;
    this.lens[doc] = len;
    this.totalLen += len;
    this.deltaDocs++;
  }

  remove(doc: number): void {
    if (doc < this.alive.length && this.alive[doc]) {
      this.removedSinceCompact++;
      this.alive[doc] = 0;
      this.live--;
      this.totalLen -= this.lens[doc]!;
    }
  }

  isAlive(doc: number): boolean {
    return doc < this.alive.length && this.alive[doc] === 1;
  }

  /** Merges the delta into the segment and drops the postings of removed documents. */
  compact(): void {
    // Nothing added or removed: the segment is already exact (and copying 100 MB at 100,000 files is not free).
    if (this.delta.size === 0 && this.removedSinceCompact === 0) return;
    this.removedSinceCompact = 0;
    const d = deltaSegment(this.delta);
    this.delta = new Map();
    this.ids = new Map();
    this.lists = [];
    this.deltaDocs = 0;
    this.seg = mergeSegments(this.seg, d, this.alive);
    this.expansions.clear();
  }

  /**
   * Adds many documents at once from a segment built by `SegmentBuilder` (their ids from `newDocId`). Into an
   * empty engine the segment is adopted as it is; otherwise it is merged with the compacted one.
   */
  addSegment(built: BuiltSegment, keep: (doc: number) => boolean = () => true): void {
    for (let i = 0; i < built.docs.length; i++) {
      const doc = built.docs[i]!;
      // Removed or changed while the segment was being built: its postings stay dead (dropped at the next compaction).
      if (!keep(doc)) {
        this.removedSinceCompact++;
        continue;
      }
      this.alive = ensureU8(this.alive, doc);
      this.lens = ensureU32(this.lens, doc);
      if (!this.alive[doc]) this.live++;
      this.alive[doc] = 1;
      this.lens[doc] = built.lens[i]!;
      this.totalLen += built.lens[i]!;
    }
    const seg = { terms: built.terms, offsets: built.offsets, df: built.df, postings: built.postings };
    if (this.seg.terms.length === 0 && this.delta.size === 0) {
      this.seg = seg;
    } else {
      this.compact();
      this.seg = mergeSegments(this.seg, seg, this.alive);
    }
    this.expansions.clear();
  }

  private expansions = new Map<string, Expansion[]>();

  /** The segment terms matching `q` exactly, by prefix or by edit distance (cached until the next compaction). */
  private expandSegment(q: string, prefix: boolean, fuzzy: boolean): Expansion[] {
    const ck = `${prefix ? 1 : 0}${fuzzy ? 1 : 0}${q}`;
    const hit = this.expansions.get(ck);
    if (hit) return hit;
    const out = segmentExpansions(this.seg, q, prefix, fuzzy);
    if (this.expansions.size >= EXPANSION_CACHE) this.expansions.delete(this.expansions.keys().next().value!);
    this.expansions.set(ck, out);
    return out;
  }

  private expand(q: string, prefix: boolean, fuzzy: boolean): Expansion[] {
    return withDeltaExpansions([...this.expandSegment(q, prefix, fuzzy)], this.delta, q, prefix, fuzzy);
  }

  /**
   * Ranked documents matching every query word (each by exact, prefix or fuzzy match); when no document
   * matches them all, the documents matching most of them, scored down by how many they miss.
   */
  search(
    query: string,
    opts: { prefix?: boolean; fuzzy?: boolean; accept?: (doc: number) => boolean; limit?: number } = {},
  ): { total: number; hits: EngineHit[] } {
    const words = queryWords(query);
    if (words.length === 0 || this.live === 0) return { total: 0, hits: [] };
    this.queryScratch.ensure(this.nextDoc);
    const prefix = opts.prefix ?? true;
    const fuzzy = opts.fuzzy ?? true;
    return scoreQuery(
      {
        words,
        live: this.live,
        totalLen: this.totalLen,
        alive: this.alive,
        lens: this.lens,
        expand: (w) => this.expand(w, prefix, fuzzy),
      },
      this.queryScratch,
      opts,
    );
  }

  private queryScratch = new QueryScratch();

  /**
   * The engine as binary sections for the cache file. The segment and the delta are merged while the postings
   * are written, in chunks: compacting first would hold a second copy of every posting for a moment.
   */
  serialize(): Record<string, Section> {
    // Nothing added or removed since the segment was made: it is written as it is, no re-encoding.
    const unchanged = this.delta.size === 0 && this.removedSinceCompact === 0;
    return engineSections(
      this.seg,
      unchanged ? undefined : deltaSegment(this.delta),
      this.alive,
      this.lens,
      this.nextDoc,
    );
  }

  /** Rebuilds an engine from `serialize()` output; throws on inconsistent sections. */
  static deserialize(s: Readonly<Record<string, Buffer | undefined>>): SearchEngine {
    const { seg, alive, lens } = readEngineSections(s);
    const e = new SearchEngine();
    e.seg = seg;
    e.nextDoc = alive.length;
    e.alive = ensureU8(alive, alive.length);
    e.lens = ensureU32(lens, lens.length);
    for (let d = 0; d < alive.length; d++) {
      if (alive[d]) {
        e.live++;
        e.totalLen += lens[d]!;
      }
    }
    return e;
  }
}
