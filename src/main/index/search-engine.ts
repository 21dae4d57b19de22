import { allowedDistance, boundedDistance, charMask, popcount } from './fuzzy';
import { docOf, ensureU32, ensureU8, FIELD, MAX_DOCS, metaOf, pack } from './postings';
import { ownString } from './own-string';
import { forEachTerm } from './tokenize';

/** The text of one document, as the engine indexes it (nothing of it is stored). */
export interface DocText {
  readonly title: string;
  readonly tags: ReadonlyArray<string>;
  readonly path: string;
  readonly description: string;
  readonly body: string;
}

export interface EngineHit {
  readonly doc: number;
  readonly score: number;
  readonly terms: ReadonlyArray<string>;
}

/** The compacted, sorted part of the index: a term dictionary and its postings in one flat array. */
interface Segment {
  readonly terms: string[];
  readonly offsets: Uint32Array;
  readonly postings: Uint32Array;
  readonly masks: Uint32Array;
}

const FIELD_BOOST: ReadonlyArray<number> = (() => {
  const out: number[] = [];
  for (let f = 0; f < 16; f++) out.push((f & FIELD.title ? 3 : 0) + (f & FIELD.tags ? 2.5 : 0) + (f & FIELD.path ? 1.5 : 0) + (f & FIELD.description ? 1.5 : 0));
  return out;
})();
const K1 = 1.2;
const B = 0.75;
const MAX_QUERY_TERMS = 8;
const MAX_EXPANSIONS = 64;

function emptySegment(): Segment {
  return { terms: [], offsets: new Uint32Array(1), postings: new Uint32Array(0), masks: new Uint32Array(0) };
}

function lowerBound(terms: ReadonlyArray<string>, q: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Expansion {
  readonly term: string;
  readonly weight: number;
  readonly list: ArrayLike<number>;
  readonly from: number;
  readonly to: number;
}

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
  get termCount(): number {
    return this.seg.terms.length + this.delta.size;
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
    const old = this.seg;
    const deltaTerms = [...this.delta.keys()].sort();
    const merged: string[] = [];
    const counts: number[] = [];
    let total = 0;
    let i = 0;
    let j = 0;
    const aliveCount = (list: ArrayLike<number>, from: number, to: number) => {
      let c = 0;
      for (let k = from; k < to; k++) if (this.alive[docOf(list[k]!)]) c++;
      return c;
    };
    while (i < old.terms.length || j < deltaTerms.length) {
      const a = old.terms[i];
      const b = deltaTerms[j];
      let term: string;
      let c = 0;
      if (b === undefined || (a !== undefined && a < b)) {
        term = a!;
        c = aliveCount(old.postings, old.offsets[i]!, old.offsets[i + 1]!);
        i++;
      } else {
        term = b;
        const d = this.delta.get(b)!;
        c = aliveCount(d, 0, d.length);
        if (a === b) {
          c += aliveCount(old.postings, old.offsets[i]!, old.offsets[i + 1]!);
          i++;
        }
        j++;
      }
      if (c > 0) {
        merged.push(term);
        counts.push(c);
        total += c;
      }
    }
    const offsets = new Uint32Array(merged.length + 1);
    const postings = new Uint32Array(total);
    const masks = new Uint32Array(merged.length);
    let at = 0;
    for (let t = 0; t < merged.length; t++) {
      const term = merged[t]!;
      offsets[t] = at;
      masks[t] = charMask(term);
      const oi = lowerBound(old.terms, term);
      if (old.terms[oi] === term) {
        for (let k = old.offsets[oi]!; k < old.offsets[oi + 1]!; k++) {
          const p = old.postings[k]!;
          if (this.alive[docOf(p)]) postings[at++] = p;
        }
      }
      const d = this.delta.get(term);
      if (d) {
        for (let k = 0; k < d.length; k++) {
          const p = d[k]!;
          if (this.alive[docOf(p)]) postings[at++] = p;
        }
      }
    }
    offsets[merged.length] = at;
    this.seg = { terms: merged, offsets, postings, masks };
    this.delta = new Map();
    this.ids = new Map();
    this.lists = [];
    this.deltaDocs = 0;
  }

  private expand(q: string, prefix: boolean, fuzzy: boolean): Expansion[] {
    const out: Expansion[] = [];
    const seg = this.seg;
    const max = fuzzy ? allowedDistance(q.length) : 0;
    const qmask = charMask(q);
    const seen = new Set<string>();
    const take = (term: string, weight: number, list: ArrayLike<number>, from: number, to: number) => {
      if (to > from) out.push({ term, weight, list, from, to });
      seen.add(term);
    };
    const lo = lowerBound(seg.terms, q);
    if (seg.terms[lo] === q) take(q, 1, seg.postings, seg.offsets[lo]!, seg.offsets[lo + 1]!);
    const d = this.delta.get(q);
    if (d) take(q + '\u0000d', 1, d, 0, d.length);
    if (prefix && q.length >= 2) {
      const range: number[] = [];
      for (let k = seg.terms[lo] === q ? lo + 1 : lo; k < seg.terms.length && seg.terms[k]!.startsWith(q); k++) range.push(k);
      if (range.length > MAX_EXPANSIONS) range.sort((x, y) => seg.offsets[y + 1]! - seg.offsets[y]! - (seg.offsets[x + 1]! - seg.offsets[x]!)).length = MAX_EXPANSIONS;
      for (const k of range) take(seg.terms[k]!, 0.55 + 0.35 * (q.length / seg.terms[k]!.length), seg.postings, seg.offsets[k]!, seg.offsets[k + 1]!);
    }
    if (max > 0) {
      let found = 0;
      for (let k = 0; k < seg.terms.length && found < MAX_EXPANSIONS; k++) {
        if (popcount(seg.masks[k]! ^ qmask) > 2 * max) continue;
        const t = seg.terms[k]!;
        if (Math.abs(t.length - q.length) > max || seen.has(t)) continue;
        const dist = boundedDistance(q, t, max);
        if (dist <= max) {
          take(t, dist === 1 ? 0.45 : 0.3, seg.postings, seg.offsets[k]!, seg.offsets[k + 1]!);
          found++;
        }
      }
    }
    for (const [t, list] of this.delta) {
      if (t === q) continue;
      if (prefix && q.length >= 2 && t.startsWith(q)) take(t + '\u0000d', 0.55 + 0.35 * (q.length / t.length), list, 0, list.length);
      else if (max > 0 && Math.abs(t.length - q.length) <= max && popcount(charMask(t) ^ qmask) <= 2 * max) {
        const dist = boundedDistance(q, t, max);
        if (dist <= max) take(t + '\u0000d', dist === 1 ? 0.45 : 0.3, list, 0, list.length);
      }
    }
    return out;
  }

  /**
   * Ranked documents matching every query word (each by exact, prefix or fuzzy match); when no document
   * matches them all, the documents matching most of them, scored down by how many they miss.
   */
  search(query: string, opts: { prefix?: boolean; fuzzy?: boolean; accept?: (doc: number) => boolean } = {}): EngineHit[] {
    const words: string[] = [];
    forEachTerm(query, (t) => {
      if (words.length < MAX_QUERY_TERMS && !words.includes(t)) words.push(t);
    });
    if (words.length === 0 || this.live === 0) return [];
    const n = this.nextDoc;
    const total = new Float64Array(n);
    const matched = new Uint8Array(n);
    const best = new Float64Array(n);
    const bestTerm: Int32Array[] = [];
    const termNames: string[] = [];
    const touchedAll: number[] = [];
    const avgLen = this.totalLen / Math.max(1, this.live);
    for (const w of words) {
      const touched: number[] = [];
      const bt = new Int32Array(n).fill(-1);
      bestTerm.push(bt);
      for (const ex of this.expand(w, opts.prefix ?? true, opts.fuzzy ?? true)) {
        const df = ex.to - ex.from;
        const idf = Math.max(0.01, Math.log(1 + Math.max(0, this.live - df + 0.5) / (df + 0.5)));
        const nameIdx = termNames.push(ex.term.replace('\u0000d', '')) - 1;
        for (let k = ex.from; k < ex.to; k++) {
          const p = ex.list[k]!;
          const doc = docOf(p);
          if (!this.alive[doc]) continue;
          const meta = metaOf(p);
          const tf = meta >>> 4;
          const bm = tf ? (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.lens[doc]!) / avgLen)) : 0;
          const s = ex.weight * idf * (bm + FIELD_BOOST[meta & 15]!);
          if (best[doc] === 0) touched.push(doc);
          if (s > best[doc]!) {
            best[doc] = s;
            bt[doc] = nameIdx;
          }
        }
      }
      for (const doc of touched) {
        if (matched[doc] === 0) touchedAll.push(doc);
        total[doc]! += best[doc]!;
        matched[doc]!++;
        best[doc] = 0;
      }
    }
    const accept = opts.accept ?? (() => true);
    let hits = touchedAll.filter((d) => matched[d] === words.length && accept(d));
    let scale = (_d: number) => 1;
    if (hits.length === 0 && words.length > 1) {
      hits = touchedAll.filter((d) => accept(d));
      scale = (d) => (matched[d]! / words.length) ** 2;
    }
    return hits
      .map((doc) => ({ doc, score: total[doc]! * scale(doc) }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc)
      .map((h) => ({ ...h, terms: bestTerm.map((bt) => termNames[bt[h.doc]!]).filter((t): t is string => t !== undefined) }));
  }

  /** The engine as binary sections for the cache file (compacts first). */
  serialize(): Record<string, Buffer> {
    this.compact();
    const buf = (a: Uint32Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    return {
      'search.terms': Buffer.from(this.seg.terms.join('\n'), 'utf8'),
      'search.offsets': buf(this.seg.offsets),
      'search.postings': buf(this.seg.postings),
      'search.alive': buf(this.alive.subarray(0, this.nextDoc)),
      'search.lens': buf(this.lens.subarray(0, this.nextDoc)),
    };
  }

  /** Rebuilds an engine from `serialize()` output; throws on inconsistent sections. */
  static deserialize(s: Readonly<Record<string, Buffer | undefined>>): SearchEngine {
    const u32 = (b: Buffer | undefined): Uint32Array<ArrayBuffer> => {
      if (!b || b.byteLength % 4) throw new Error('bad section');
      // Aligned (the cache file lays sections out so): a view, no copy.
      if (b.byteOffset % 4 === 0 && b.buffer instanceof ArrayBuffer) return new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
      const copy = new Uint32Array(b.byteLength / 4);
      Buffer.from(copy.buffer).set(b);
      return copy;
    };
    const termsText = s['search.terms']?.toString('utf8') ?? '';
    const terms = termsText ? termsText.split('\n') : [];
    const offsets = u32(s['search.offsets']);
    const postings = u32(s['search.postings']);
    const lens = u32(s['search.lens']);
    const alive = Uint8Array.from(s['search.alive'] ?? []);
    if (offsets.length !== terms.length + 1 || offsets[terms.length] !== postings.length || alive.length !== lens.length) throw new Error('inconsistent search sections');
    const e = new SearchEngine();
    e.seg = { terms, offsets, postings, masks: Uint32Array.from(terms, charMask) };
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
