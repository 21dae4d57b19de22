/**
 * The compacted, sorted part of the index: a term dictionary and its postings in one flat byte array. Term t
 * owns bytes offsets[t]..offsets[t+1] and df[t] postings, each the gap from the previous document id (a
 * varint: one byte for common words) followed by one byte of fields and frequency; ids increase.
 */
export interface Segment {
  readonly terms: string[];
  readonly offsets: Uint32Array;
  readonly df: Uint32Array;
  readonly postings: Uint8Array;
  /** Character masks of the terms for the fuzzy scan; computed on the first fuzzy query, not at load. */
  masks?: Uint32Array;
}

/** A segment with no terms. */
export function emptySegment(): Segment {
  return { terms: [], offsets: new Uint32Array(1), df: new Uint32Array(0), postings: new Uint8Array(0) };
}

/** The index of the first term not below `q` in sorted `terms`. */
export function lowerBound(terms: ReadonlyArray<string>, q: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
