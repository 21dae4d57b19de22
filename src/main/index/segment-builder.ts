import { segmentLayoutCode, type SegmentLayout } from './segment-layout';
import { termScanCode, type TermScan } from './term-scan';

/**
 * A sorted term dictionary and its postings in one flat byte array (term t owns
 * postings[offsets[t]..offsets[t+1]]).
 */
export interface BuiltSegment {
  readonly terms: string[];
  /** Byte offsets of each term's postings, and how many postings each has. */
  readonly offsets: Uint32Array<ArrayBuffer>;
  readonly df: Uint32Array<ArrayBuffer>;
  /** Per posting: the gap from the term's previous document id as a varint, then a byte of fields and frequency. */
  readonly postings: Uint8Array<ArrayBuffer>;
  /** The documents added, in order, with their body lengths in terms. */
  readonly docs: Uint32Array<ArrayBuffer>;
  readonly lens: Uint32Array<ArrayBuffer>;
}

/**
 * The bulk segment builder as one self-contained function (no imports, no outside names: the tokenizer and the
 * layout come in as arguments), so a worker thread can run the very same code from its source text (see
 * segment-worker.ts).
 */
export function builderCode(scan: TermScan, layout: SegmentLayout) {
  const { MIN_TERM, MAX_TERM, forEachTerm, terms, CLASS, LOWER, wideSeparator, isSpace } = scan;
  const { layOut, MAX_POSTING } = layout;

  const FNV = 0x811c9dc5;
  /** Term ids share a 32-bit posting with 8 bits of fields and frequency while building. */
  const MAX_TERMS = 1 << 24;
  const utf8 = new TextDecoder();
  const encoder = new TextEncoder();

  function grow32(a: Uint32Array<ArrayBuffer>, need: number): Uint32Array<ArrayBuffer> {
    if (need <= a.length) return a;
    const next = new Uint32Array(Math.max(need, a.length * 2));
    next.set(a);
    return next;
  }
  function grow8(a: Uint8Array<ArrayBuffer>, need: number): Uint8Array<ArrayBuffer> {
    if (need <= a.length) return a;
    const next = new Uint8Array(Math.max(need, a.length * 2));
    next.set(a);
    return next;
  }

  /**
   * Builds a search segment for many documents at once, straight from their UTF-8 bytes: words are found by a
   * byte-class scan and interned by a hash of their lower-cased bytes (no string per word; a string per distinct
   * term only at the end), per-document postings go into flat typed arrays, and `finish` sorts them into term
   * order with one counting pass. Splits words exactly like `forEachTerm` does on the decoded text.
   */
  class SegmentBuilder {
    private arena = new Uint8Array(1 << 16);
    private arenaLen = 0;
    private tStart = new Uint32Array(1024);
    private tLen = new Uint8Array(1024);
    private tHash = new Uint32Array(1024);
    private tAscii = new Uint8Array(1024);
    private table = new Int32Array(1 << 12);
    private nTerms = 0;
    private scratch = new Uint8Array(1024);
    private touched = new Uint32Array(1024);
    private nTouched = 0;
    /**
     * Each posting as its term id (a varint: ids are handed out in order of first use, so common words have
     * small ones) and a byte of fields and frequency, in document order, in fixed-size blocks (no copy on
     * growth); a posting never straddles two blocks.
     */
    private blocks: Uint8Array[] = [];
    private block = new Uint8Array(0);
    private readonly blockSize: number;
    private inBlock: number;

    /** `blockBits`: postings are kept in blocks of 2^blockBits bytes while building (tests use small ones). */
    constructor(private readonly blockBits = 22) {
      this.blockSize = 1 << blockBits;
      this.inBlock = this.blockSize;
    }
    private nPost = 0;
    private docIds = new Uint32Array(256);
    private docEnd = new Uint32Array(256);
    private docLen = new Uint32Array(256);
    private nDocs = 0;
    private curLen = 0;
    private tmp = new Uint8Array(256);

    get documents(): number {
      return this.nDocs;
    }

    /** The id of the term whose lower-cased UTF-8 bytes are `src[from..to)` (lower-cased on the fly when `lower`). */
    private intern(src: Uint8Array, from: number, to: number, hash: number, lower: boolean, ascii: boolean): number {
      const n = to - from;
      let mask = this.table.length - 1;
      let slot = hash & mask;
      for (;;) {
        const e = this.table[slot]!;
        if (e === 0) break;
        const id = e - 1;
        if (this.tHash[id] === hash >>> 0 && this.tLen[id] === n) {
          const at = this.tStart[id]!;
          let k = 0;
          if (lower) while (k < n && this.arena[at + k] === LOWER[src[from + k]!]) k++;
          else while (k < n && this.arena[at + k] === src[from + k]) k++;
          if (k === n) return id;
        }
        slot = (slot + 1) & mask;
      }
      const id = this.nTerms++;
      if (id >= MAX_TERMS) throw new Error('search index: too many distinct words');
      if (id >= this.tStart.length) {
        this.tStart = grow32(this.tStart, id + 1);
        this.tHash = grow32(this.tHash, id + 1);
        this.tLen = grow8(this.tLen, id + 1);
        this.tAscii = grow8(this.tAscii, id + 1);
        this.scratch = grow8(this.scratch, id + 1);
      }
      this.arena = grow8(this.arena, this.arenaLen + n);
      const at = this.arenaLen;
      for (let k = 0; k < n; k++) {
        const b = src[from + k]!;
        this.arena[at + k] = lower ? LOWER[b]! : b;
      }
      this.arenaLen += n;
      this.tStart[id] = at;
      this.tLen[id] = n;
      this.tHash[id] = hash >>> 0;
      this.tAscii[id] = ascii ? 1 : 0;
      this.table[slot] = id + 1;
      if (this.nTerms * 2 > this.table.length) {
        const table = new Int32Array(this.table.length * 2);
        mask = table.length - 1;
        for (let t = 0; t < this.nTerms; t++) {
          let s = this.tHash[t]! & mask;
          while (table[s] !== 0) s = (s + 1) & mask;
          table[s] = t + 1;
        }
        this.table = table;
      }
      return id;
    }

    /** Interns an already lower-cased term given as a string. */
    private internString(t: string): number {
      if (this.tmp.length < t.length * 3) this.tmp = new Uint8Array(t.length * 3);
      const n = encoder.encodeInto(t, this.tmp).written;
      let h = FNV;
      let ascii = true;
      for (let k = 0; k < n; k++) {
        h = Math.imul(h ^ this.tmp[k]!, 16777619);
        if (this.tmp[k]! >= 128) ascii = false;
      }
      return this.intern(this.tmp, 0, n, h, false, ascii);
    }

    private touch(id: number, meta: number): void {
      const m = this.scratch[id]!;
      if (m === 0) {
        if (this.nTouched >= this.touched.length) this.touched = grow32(this.touched, this.nTouched + 1);
        this.touched[this.nTouched++] = id;
      }
      this.scratch[id] = meta < 0 ? (m < 0xf0 ? m + 16 : m) : m | meta;
    }

    /** Starts a document; ids must increase from one document to the next. */
    begin(doc: number): void {
      this.curLen = 0;
      this.nTouched = 0;
      if (this.nDocs >= this.docIds.length) {
        this.docIds = grow32(this.docIds, this.nDocs + 1);
        this.docEnd = grow32(this.docEnd, this.nDocs + 1);
        this.docLen = grow32(this.docLen, this.nDocs + 1);
      }
      this.docIds[this.nDocs] = doc;
    }

    /** Counts one more use of term `id` in the current body. */
    private count(id: number): void {
      const m = this.scratch[id]!;
      if (m === 0) {
        if (this.nTouched >= this.touched.length) this.touched = grow32(this.touched, this.nTouched + 1);
        this.touched[this.nTouched++] = id;
        this.scratch[id] = 16;
      } else if (m < 0xf0) this.scratch[id] = m + 16;
      this.curLen++;
    }

    private readonly countString = (t: string) => this.count(this.internString(t));

    /**
     * Counts the words of a body given as UTF-8 bytes. Plain ASCII words are scanned here; a chunk (up to the
     * next ASCII whitespace) holding anything else (non-ASCII letters, CJK, `node.js`, `.net`, `c#`, `c++`) is
     * decoded and split by `forEachTerm` from `safe` on: the end of the last word counted here, where the
     * string scan starts exactly as it would in the middle of the whole text.
     */
    body(b: Uint8Array, from: number, end: number): void {
      // The hot loop: locals for everything, the dictionary probe inlined for ASCII words (nearly all of them).
      let table = this.table;
      let mask = table.length - 1;
      let tHash = this.tHash;
      let tLen = this.tLen;
      let tStart = this.tStart;
      let arena = this.arena;
      let scratch = this.scratch;
      let len = 0;
      let i = from;
      let safe = from;
      while (i < end) {
        const c = CLASS[b[i]!]!;
        if (c === 0) {
          i++;
          continue;
        }
        if (c === 2) {
          const w = wideSeparator(b, i, end);
          if (w) {
            i += w;
            continue;
          }
        }
        const start = i;
        let h = FNV;
        // A word after a dot may be a `.net`; a word with non-ASCII letters goes to the string scan.
        let slow = c === 2 || (start > safe && b[start - 1] === 46);
        if (!slow) {
          while (i < end && CLASS[b[i]!] === 1) {
            h = Math.imul(h ^ LOWER[b[i]!]!, 16777619);
            i++;
          }
          if (i < end) {
            const x = b[i]!;
            if (x >= 128) slow = !wideSeparator(b, i, end);
            else if (x === 46) slow = i + 1 < end && CLASS[b[i + 1]!] !== 0;
            else if (x === 35 || x === 43) slow = i - start === 1;
          }
        }
        if (slow) {
          let e = i;
          while (e < end && !isSpace(b[e]!)) e++;
          this.curLen += len;
          len = 0;
          forEachTerm(utf8.decode(b.subarray(safe, e)), this.countString);
          i = safe = e;
          table = this.table;
          mask = table.length - 1;
          tHash = this.tHash;
          tLen = this.tLen;
          tStart = this.tStart;
          arena = this.arena;
          scratch = this.scratch;
          continue;
        }
        safe = i;
        const n = i - start;
        if (n < MIN_TERM || n > MAX_TERM) continue;
        h >>>= 0;
        let id = -1;
        let slot = h & mask;
        for (;;) {
          const e = table[slot]!;
          if (e === 0) break;
          const cand = e - 1;
          if (tHash[cand] === h && tLen[cand] === n) {
            const at = tStart[cand]!;
            let k = 0;
            while (k < n && arena[at + k] === LOWER[b[start + k]!]) k++;
            if (k === n) {
              id = cand;
              break;
            }
          }
          slot = (slot + 1) & mask;
        }
        if (id < 0) {
          id = this.intern(b, start, i, h, true, true);
          table = this.table;
          mask = table.length - 1;
          tHash = this.tHash;
          tLen = this.tLen;
          tStart = this.tStart;
          arena = this.arena;
          scratch = this.scratch;
        }
        len++;
        const m = scratch[id]!;
        if (m === 0) {
          if (this.nTouched >= this.touched.length) this.touched = grow32(this.touched, this.nTouched + 1);
          this.touched[this.nTouched++] = id;
          scratch[id] = 16;
        } else if (m < 0xf0) scratch[id] = m + 16;
      }
      this.curLen += len;
    }

    /** Marks the words of a short field (title, tags, path, description) with its field bit. */
    field(text: string, bit: number): void {
      forEachTerm(text, (t) => this.touch(this.internString(t), bit));
    }

    /** Ends the document begun last; returns its body length in words. */
    end(): number {
      for (let k = 0; k < this.nTouched; k++) {
        const id = this.touched[k]!;
        if (this.inBlock + MAX_POSTING > this.blockSize) {
          this.block = new Uint8Array(this.blockSize);
          this.blocks.push(this.block);
          this.inBlock = 0;
        }
        let x = id;
        while (x >= 0x80) {
          this.block[this.inBlock++] = (x & 0x7f) | 0x80;
          x >>>= 7;
        }
        this.block[this.inBlock++] = x;
        this.block[this.inBlock++] = this.scratch[id]!;
        this.nPost++;
        this.scratch[id] = 0;
      }
      this.nTouched = 0;
      this.docEnd[this.nDocs] = this.nPost;
      this.docLen[this.nDocs++] = this.curLen;
      return this.curLen;
    }

    /** Sorts the terms and lays the postings out by term (documents stay in the order they were added). */
    finish(): BuiltSegment {
      const out = layOut({
        nTerms: this.nTerms,
        arena: this.arena,
        arenaLen: this.arenaLen,
        tAscii: this.tAscii,
        tStart: this.tStart,
        tLen: this.tLen,
        blocks: this.blocks,
        blockSize: this.blockSize,
        nDocs: this.nDocs,
        docIds: this.docIds,
        docEnd: this.docEnd,
        docLen: this.docLen,
      });
      this.reset();
      return out;
    }

    private reset(): void {
      this.arena = new Uint8Array(0);
      this.blocks = [];
      this.inBlock = this.blockSize;
      this.table = new Int32Array(1 << 12);
      this.nTerms = 0;
      this.nPost = 0;
      this.nDocs = 0;
      this.arenaLen = 0;
    }
  }

  return { SegmentBuilder, forEachTerm, terms, MIN_TERM, MAX_TERM };
}

const code = builderCode(termScanCode(), segmentLayoutCode());
/** Builds a search segment for many documents at once from their UTF-8 bytes (see the class inside `builderCode`). */
export const SegmentBuilder = code.SegmentBuilder;
export type SegmentBuilder = InstanceType<typeof SegmentBuilder>;
/** Calls `emit` for each lower-cased word of a text (see `builderCode`). */
export const forEachTerm = code.forEachTerm;
/** The distinct terms of a text, in order of first appearance. */
export const terms = code.terms;
/** Shortest and longest terms the search index keeps. */
export const MIN_TERM = code.MIN_TERM;
export const MAX_TERM = code.MAX_TERM;
