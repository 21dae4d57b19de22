import { MAX_QUERY_TERMS } from './query-words';

/**
 * Per-document scratch reused across queries (cleared after each query for the documents touched): allocating
 * and zeroing arrays of every document on each keystroke was most of the garbage collector's work.
 */
export class QueryScratch {
  total = new Float64Array(0);
  best = new Float64Array(0);
  matched = new Uint8Array(0);
  /** Per document: the best match class of the current word, plus one (0: not matched yet). */
  match = new Uint8Array(0);
  /** Per document: its rank tier, from how many query words it matched exactly and by prefix. */
  tier = new Uint16Array(0);
  bestTerm = new Int32Array(0);
  touched = new Int32Array(0);
  touchedAll = new Int32Array(0);
  hits = new Int32Array(0);

  /** Grows the arrays to hold `n` documents (at least doubling). */
  ensure(n: number): void {
    if (this.total.length < n) {
      const size = Math.max(n, this.total.length * 2, 1024);
      this.total = new Float64Array(size);
      this.best = new Float64Array(size);
      this.matched = new Uint8Array(size);
      this.match = new Uint8Array(size);
      this.tier = new Uint16Array(size);
      this.bestTerm = new Int32Array(size * MAX_QUERY_TERMS).fill(-1);
      this.touched = new Int32Array(size);
      this.touchedAll = new Int32Array(size);
      this.hits = new Int32Array(size);
    }
  }
}
