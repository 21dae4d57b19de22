import { allowedDistance, boundedDistance, charMask, popcount } from './fuzzy';
import { docOf, ensureU32, ensureU8, FIELD, MAX_DOCS, metaOf, pack, varintSize, writeVarint } from './postings';
import { ownString } from './own-string';
import type { Section } from './cache-file';
import type { BuiltSegment } from './segment-builder';
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

/**
 * The compacted, sorted part of the index: a term dictionary and its postings in one flat byte array. Term t
 * owns bytes offsets[t]..offsets[t+1] and df[t] postings, each the gap from the previous document id (a
 * varint: one byte for common words) followed by one byte of fields and frequency; ids increase.
 */
interface Segment {
  readonly terms: string[];
  readonly offsets: Uint32Array;
  readonly df: Uint32Array;
  readonly postings: Uint8Array;
  /** Character masks of the terms for the fuzzy scan; computed on the first fuzzy query, not at load. */
  masks?: Uint32Array;
}

const FIELD_BOOST: ReadonlyArray<number> = (() => {
  const out: number[] = [];
  for (let f = 0; f < 16; f++)
    out.push(
      (f & FIELD.title ? 3 : 0) +
        (f & FIELD.tags ? 2.5 : 0) +
        (f & FIELD.path ? 1.5 : 0) +
        (f & FIELD.description ? 1.5 : 0),
    );
  return out;
})();
const K1 = 1.2;
const B = 0.75;
const MAX_QUERY_TERMS = 8;
const MAX_EXPANSIONS = 64;
/** Segment expansions of recent query words (as the user types, each keystroke repeats the earlier words). */
const EXPANSION_CACHE = 512;

/** The `k` best of `scores` (higher first, then lower doc id): a bounded selection, not a sort of every hit. */
function topK(docs: ArrayLike<number>, count: number, score: (doc: number) => number, k: number): number[] {
  const better = (a: number, b: number) => score(a) > score(b) || (score(a) === score(b) && a < b);
  const top: number[] = [];
  for (let x = 0; x < count; x++) {
    const d = docs[x]!;
    if (top.length === k && !better(d, top[k - 1]!)) continue;
    let i = top.length === k ? k - 1 : top.length;
    while (i > 0 && better(d, top[i - 1]!)) {
      if (i < k) top[i] = top[i - 1]!;
      i--;
    }
    if (i < k) top[i] = d;
  }
  return top;
}

function emptySegment(): Segment {
  return { terms: [], offsets: new Uint32Array(1), df: new Uint32Array(0), postings: new Uint8Array(0) };
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

/**
 * One term's postings from two segments merged by document id (live documents only), encoded into `out` from
 * `at` (grown as needed through `grow`); returns the end and the count. With `out` undefined it only measures.
 */
function mergeTerm(
  a: Segment,
  i: number,
  b: Segment,
  j: number,
  alive: Uint8Array,
  out: Uint8Array | undefined,
  at: number,
): { end: number; count: number } {
  const ca = new TermCursor(a, i);
  const cb = new TermCursor(b, j);
  let prev = 0;
  let count = 0;
  while (ca.doc >= 0 || cb.doc >= 0) {
    const from = cb.doc < 0 || (ca.doc >= 0 && ca.doc <= cb.doc) ? ca : cb;
    const doc = from.doc;
    const meta = from.meta;
    from.next();
    if (!alive[doc]) continue;
    if (out) at = writeVarint(out, at, doc - prev);
    else at += varintSize(doc - prev);
    if (out) out[at] = meta;
    at++;
    prev = doc;
    count++;
  }
  return { end: at, count };
}

/** Walks one term's encoded postings in a segment (term -1: none); `doc` is -1 past the end. */
class TermCursor {
  doc = -1;
  meta = 0;
  private k: number;
  private readonly end: number;

  constructor(
    private readonly seg: Segment,
    term: number,
  ) {
    this.k = term >= 0 ? seg.offsets[term]! : 0;
    this.end = term >= 0 ? seg.offsets[term + 1]! : 0;
    this.doc = 0;
    this.next();
  }

  next(): void {
    if (this.k >= this.end) {
      this.doc = -1;
      return;
    }
    const p = this.seg.postings;
    let x = p[this.k++]!;
    let gap = x & 127;
    for (let shift = 7; x & 128; shift += 7) {
      x = p[this.k++]!;
      gap |= (x & 127) << shift;
    }
    this.doc += gap;
    this.meta = p[this.k++]!;
  }
}

/** The dictionary of two segments merged (only terms with a live posting), with byte offsets and counts. */
function mergePlan(
  a: Segment,
  b: Segment,
  alive: Uint8Array,
): {
  terms: string[];
  offsets: Uint32Array<ArrayBuffer>;
  df: Uint32Array<ArrayBuffer>;
  from: Int32Array;
  fromB: Int32Array;
} {
  const terms: string[] = [];
  const ends: number[] = [];
  const dfs: number[] = [];
  const from: number[] = [];
  const fromB: number[] = [];
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length || j < b.terms.length) {
    const ta = a.terms[i];
    const tb = b.terms[j];
    const useA = tb === undefined || (ta !== undefined && ta <= tb);
    const useB = ta === undefined || (tb !== undefined && tb <= ta);
    const m = mergeTerm(a, useA ? i : -1, b, useB ? j : -1, alive, undefined, 0);
    if (m.count > 0) {
      terms.push(useA ? ta! : tb!);
      total += m.end;
      ends.push(total);
      dfs.push(m.count);
      from.push(useA ? i : -1);
      fromB.push(useB ? j : -1);
    }
    if (useA) i++;
    if (useB) j++;
  }
  const offsets = new Uint32Array(terms.length + 1);
  offsets.set(ends, 1);
  return { terms, offsets, df: Uint32Array.from(dfs), from: Int32Array.from(from), fromB: Int32Array.from(fromB) };
}

/** The postings of two segments merged as `mergePlan` laid them out, in chunks of a reused buffer. */
function* mergedPostings(
  a: Segment,
  b: Segment,
  plan: ReturnType<typeof mergePlan>,
  alive: Uint8Array,
  chunk = 1 << 20,
): Generator<Uint8Array> {
  let buf = new Uint8Array(chunk);
  let at = 0;
  for (let t = 0; t < plan.terms.length; t++) {
    const size = plan.offsets[t + 1]! - plan.offsets[t]!;
    if (at + size > buf.length) {
      if (at) yield buf.subarray(0, at);
      at = 0;
      if (size > buf.length) buf = new Uint8Array(size);
    }
    at = mergeTerm(a, plan.from[t]!, b, plan.fromB[t]!, alive, buf, at).end;
  }
  if (at) yield buf.subarray(0, at);
}

/** Two segments merged into one, keeping only live documents. */
function mergeSegments(a: Segment, b: Segment, alive: Uint8Array): Segment {
  const plan = mergePlan(a, b, alive);
  const postings = new Uint8Array(plan.offsets[plan.terms.length]!);
  let at = 0;
  for (const part of mergedPostings(a, b, plan, alive)) {
    postings.set(part, at);
    at += part.length;
  }
  return { terms: plan.terms, offsets: plan.offsets, df: plan.df, postings };
}

/** A term a query word matched: its postings as encoded bytes (segment) or packed integers (delta). */
interface Expansion {
  readonly term: string;
  readonly weight: number;
  readonly df: number;
  readonly bytes?: Uint8Array;
  readonly list?: ArrayLike<number>;
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
    const d = this.deltaSegment();
    this.delta = new Map();
    this.ids = new Map();
    this.lists = [];
    this.deltaDocs = 0;
    this.seg = mergeSegments(this.seg, d, this.alive);
    this.expansions.clear();
  }

  /** The delta as a (small) sorted, encoded segment. */
  private deltaSegment(): Segment {
    const terms = [...this.delta.keys()].sort();
    const offsets = new Uint32Array(terms.length + 1);
    const df = new Uint32Array(terms.length);
    let total = 0;
    terms.forEach((t, i) => {
      const list = this.delta.get(t)!;
      let prev = 0;
      for (const p of list) {
        total += varintSize(docOf(p) - prev) + 1;
        prev = docOf(p);
      }
      df[i] = list.length;
      offsets[i + 1] = total;
    });
    const postings = new Uint8Array(total);
    let at = 0;
    for (const t of terms) {
      let prev = 0;
      for (const p of this.delta.get(t)!) {
        at = writeVarint(postings, at, docOf(p) - prev);
        postings[at++] = metaOf(p);
        prev = docOf(p);
      }
    }
    return { terms, offsets, df, postings };
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
    const out: Expansion[] = [];
    const seg = this.seg;
    const max = fuzzy ? allowedDistance(q.length) : 0;
    const seen = new Set<string>();
    const take = (k: number, weight: number) => {
      const term = seg.terms[k]!;
      if (seg.df[k]! > 0)
        out.push({ term, weight, df: seg.df[k]!, bytes: seg.postings, from: seg.offsets[k]!, to: seg.offsets[k + 1]! });
      seen.add(term);
    };
    const lo = lowerBound(seg.terms, q);
    if (seg.terms[lo] === q) take(lo, 1);
    if (prefix && q.length >= 2) {
      const range: number[] = [];
      for (let k = seg.terms[lo] === q ? lo + 1 : lo; k < seg.terms.length && seg.terms[k]!.startsWith(q); k++)
        range.push(k);
      if (range.length > MAX_EXPANSIONS) range.sort((x, y) => seg.df[y]! - seg.df[x]!).length = MAX_EXPANSIONS;
      for (const k of range) take(k, 0.55 + 0.35 * (q.length / seg.terms[k]!.length));
    }
    if (max > 0) {
      const masks = (seg.masks ??= Uint32Array.from(seg.terms, charMask));
      const qmask = charMask(q);
      let found = 0;
      for (let k = 0; k < seg.terms.length && found < MAX_EXPANSIONS; k++) {
        if (popcount(masks[k]! ^ qmask) > 2 * max) continue;
        const t = seg.terms[k]!;
        if (Math.abs(t.length - q.length) > max || seen.has(t)) continue;
        const dist = boundedDistance(q, t, max);
        if (dist <= max) {
          take(k, dist === 1 ? 0.45 : 0.3);
          found++;
        }
      }
    }
    if (this.expansions.size >= EXPANSION_CACHE) this.expansions.delete(this.expansions.keys().next().value!);
    this.expansions.set(ck, out);
    return out;
  }

  private expand(q: string, prefix: boolean, fuzzy: boolean): Expansion[] {
    const out = [...this.expandSegment(q, prefix, fuzzy)];
    const max = fuzzy ? allowedDistance(q.length) : 0;
    const qmask = charMask(q);
    const d = this.delta.get(q);
    if (d && d.length) out.push({ term: q + '\u0000d', weight: 1, df: d.length, list: d, from: 0, to: d.length });
    for (const [t, list] of this.delta) {
      if (t === q || list.length === 0) continue;
      if (prefix && q.length >= 2 && t.startsWith(q))
        out.push({
          term: t + '\u0000d',
          weight: 0.55 + 0.35 * (q.length / t.length),
          df: list.length,
          list,
          from: 0,
          to: list.length,
        });
      else if (max > 0 && Math.abs(t.length - q.length) <= max && popcount(charMask(t) ^ qmask) <= 2 * max) {
        const dist = boundedDistance(q, t, max);
        if (dist <= max)
          out.push({
            term: t + '\u0000d',
            weight: dist === 1 ? 0.45 : 0.3,
            df: list.length,
            list,
            from: 0,
            to: list.length,
          });
      }
    }
    return out;
  }

  /**
   * Ranked documents matching every query word (each by exact, prefix or fuzzy match); when no document
   * matches them all, the documents matching most of them, scored down by how many they miss.
   */
  search(
    query: string,
    opts: { prefix?: boolean; fuzzy?: boolean; accept?: (doc: number) => boolean; limit?: number } = {},
  ): { total: number; hits: EngineHit[] } {
    const words: string[] = [];
    forEachTerm(query, (t) => {
      if (words.length < MAX_QUERY_TERMS && !words.includes(t)) words.push(t);
    });
    if (words.length === 0 || this.live === 0) return { total: 0, hits: [] };
    const n = this.nextDoc;
    // Per-document scratch reused across queries (cleared below for the documents touched): allocating
    // and zeroing arrays of every document on each keystroke was most of the garbage collector's work.
    if (this.sTotal.length < n) {
      const size = Math.max(n, this.sTotal.length * 2, 1024);
      this.sTotal = new Float64Array(size);
      this.sBest = new Float64Array(size);
      this.sMatched = new Uint8Array(size);
      this.sBestTerm = new Int32Array(size * MAX_QUERY_TERMS).fill(-1);
      this.sTouched = new Int32Array(size);
      this.sTouchedAll = new Int32Array(size);
      this.sHits = new Int32Array(size);
    }
    const total = this.sTotal;
    const matched = this.sMatched;
    const best = this.sBest;
    const bestTerm = this.sBestTerm;
    const termNames: string[] = [];
    // Documents touched by this word / by any word: typed scratch, so a query allocates next to nothing.
    const touched = this.sTouched;
    const touchedAll = this.sTouchedAll;
    let nAll = 0;
    const avgLen = this.totalLen / Math.max(1, this.live);
    const normBase = K1 * (1 - B);
    const normScale = (K1 * B) / avgLen;
    const alive = this.alive;
    const lens = this.lens;
    try {
      for (let wi = 0; wi < words.length; wi++) {
        let nTouched = 0;
        for (const ex of this.expand(words[wi]!, opts.prefix ?? true, opts.fuzzy ?? true)) {
          const df = ex.df;
          const idf = Math.max(0.01, Math.log(1 + Math.max(0, this.live - df + 0.5) / (df + 0.5)));
          const nameIdx = termNames.push(ex.term.replace('\u0000d', '')) - 1;
          const list = ex.list;
          const bytes = ex.bytes;
          let last = 0;
          for (let k = ex.from; k < ex.to;) {
            let doc: number;
            let meta: number;
            if (bytes) {
              // Decode one posting: the varint gap to the previous document, then the fields-and-frequency byte.
              // Document ids are below 2^24, so the gap fits the 32-bit shifts.
              let x = bytes[k++]!;
              let gap = x & 127;
              for (let shift = 7; x & 128; shift += 7) {
                x = bytes[k++]!;
                gap |= (x & 127) << shift;
              }
              doc = last += gap;
              meta = bytes[k++]!;
            } else {
              const p = list![k++]!;
              doc = docOf(p);
              meta = metaOf(p);
            }
            if (!alive[doc]) continue;
            const tf = meta >>> 4;
            const bm = tf ? (tf * (K1 + 1)) / (tf + normBase + normScale * lens[doc]!) : 0;
            const s = ex.weight * idf * (bm + FIELD_BOOST[meta & 15]!);
            if (best[doc] === 0) touched[nTouched++] = doc;
            if (s > best[doc]!) {
              best[doc] = s;
              bestTerm[doc * MAX_QUERY_TERMS + wi] = nameIdx;
            }
          }
        }
        for (let x = 0; x < nTouched; x++) {
          const doc = touched[x]!;
          if (matched[doc] === 0) touchedAll[nAll++] = doc;
          total[doc]! += best[doc]!;
          matched[doc]!++;
          best[doc] = 0;
        }
      }
      const accept = opts.accept;
      const hits = this.sHits;
      let nHits = 0;
      for (let x = 0; x < nAll; x++) {
        const d = touchedAll[x]!;
        if (matched[d] === words.length && (!accept || accept(d))) hits[nHits++] = d;
      }
      let scale = (_d: number) => 1;
      if (nHits === 0 && words.length > 1) {
        for (let x = 0; x < nAll; x++) if (!accept || accept(touchedAll[x]!)) hits[nHits++] = touchedAll[x]!;
        scale = (d) => (matched[d]! / words.length) ** 2;
      }
      const top = topK(hits, nHits, (d) => total[d]! * scale(d), opts.limit ?? nHits);
      const termsOf = (doc: number) => {
        const out: string[] = [];
        for (let wi = 0; wi < words.length; wi++) {
          const t = termNames[bestTerm[doc * MAX_QUERY_TERMS + wi]!];
          if (t !== undefined) out.push(t);
        }
        return out;
      };
      return { total: nHits, hits: top.map((doc) => ({ doc, score: total[doc]! * scale(doc), terms: termsOf(doc) })) };
    } finally {
      for (let x = 0; x < nAll; x++) {
        const doc = touchedAll[x]!;
        total[doc] = 0;
        matched[doc] = 0;
        bestTerm.fill(-1, doc * MAX_QUERY_TERMS, doc * MAX_QUERY_TERMS + MAX_QUERY_TERMS);
      }
    }
  }

  private sTotal = new Float64Array(0);
  private sBest = new Float64Array(0);
  private sMatched = new Uint8Array(0);
  private sBestTerm = new Int32Array(0);
  private sTouched = new Int32Array(0);
  private sTouchedAll = new Int32Array(0);
  private sHits = new Int32Array(0);

  /**
   * The engine as binary sections for the cache file. The segment and the delta are merged while the postings
   * are written, in chunks: compacting first would hold a second copy of every posting for a moment.
   */
  serialize(): Record<string, Section> {
    const bytes = (a: Uint32Array | Uint8Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const seg = this.seg;
    const alive = this.alive;
    const head = {
      'search.alive': bytes(alive.slice(0, this.nextDoc)),
      'search.lens': bytes(this.lens.slice(0, this.nextDoc)),
    };
    // Nothing added or removed since the segment was made: it is written as it is, no re-encoding.
    if (this.delta.size === 0 && this.removedSinceCompact === 0) {
      return {
        'search.terms': Buffer.from(seg.terms.join('\n'), 'utf8'),
        'search.offsets': bytes(seg.offsets),
        'search.df': bytes(seg.df),
        'search.postings': seg.postings,
        ...head,
      };
    }
    const d = this.deltaSegment();
    const plan = mergePlan(seg, d, alive);
    return {
      'search.terms': Buffer.from(plan.terms.join('\n'), 'utf8'),
      'search.offsets': bytes(plan.offsets),
      'search.df': bytes(plan.df),
      'search.postings': {
        length: plan.offsets[plan.terms.length]!,
        chunks: () => mergedPostings(seg, d, plan, alive),
      },
      ...head,
    };
  }

  /** Rebuilds an engine from `serialize()` output; throws on inconsistent sections. */
  static deserialize(s: Readonly<Record<string, Buffer | undefined>>): SearchEngine {
    const u32 = (b: Buffer | undefined): Uint32Array<ArrayBuffer> => {
      if (!b || b.byteLength % 4) throw new Error('bad section');
      // Aligned (the cache file lays sections out so): a view, no copy.
      if (b.byteOffset % 4 === 0 && b.buffer instanceof ArrayBuffer)
        return new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
      const copy = new Uint32Array(b.byteLength / 4);
      Buffer.from(copy.buffer).set(b);
      return copy;
    };
    const termsText = s['search.terms']?.toString('utf8') ?? '';
    const terms = termsText ? termsText.split('\n') : [];
    const offsets = u32(s['search.offsets']);
    const df = u32(s['search.df']);
    const pb = s['search.postings'];
    if (!pb) throw new Error('bad section');
    const postings = new Uint8Array(pb.buffer, pb.byteOffset, pb.byteLength);
    const lens = u32(s['search.lens']);
    const alive = Uint8Array.from(s['search.alive'] ?? []);
    if (
      offsets.length !== terms.length + 1 ||
      df.length !== terms.length ||
      offsets[terms.length] !== postings.length ||
      alive.length !== lens.length
    )
      throw new Error('inconsistent search sections');
    const e = new SearchEngine();
    e.seg = { terms, offsets, df, postings };
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
