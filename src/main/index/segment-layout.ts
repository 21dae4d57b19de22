/** What a segment builder hands over to be laid out: its terms, its postings in blocks, and its documents. */
export interface BuilderState {
  readonly nTerms: number;
  readonly arena: Uint8Array<ArrayBuffer>;
  readonly arenaLen: number;
  readonly tAscii: Uint8Array;
  readonly tStart: Uint32Array;
  readonly tLen: Uint8Array;
  /** Emptied as they are read the second time, so each block is let go as soon as it has been laid out. */
  readonly blocks: Uint8Array[];
  readonly blockSize: number;
  readonly nDocs: number;
  readonly docIds: Uint32Array<ArrayBuffer>;
  readonly docEnd: Uint32Array;
  readonly docLen: Uint32Array<ArrayBuffer>;
}

/**
 * The layout of a built segment as one self-contained function (no imports, no outside names), so a worker thread
 * can run the very same code from its source text (see segment-worker.ts).
 */
export function segmentLayoutCode() {
  const EMPTY = new Uint8Array(0);
  /** Longest posting while building: a term id (below 2^24) as a varint, and a byte. */
  const MAX_POSTING = 5;

  /** Sorts the terms and lays the postings out by term (documents stay in the order they were added). */
  function layOut(p: BuilderState) {
    const { tAscii, tStart, tLen, nDocs, docIds, docEnd } = p;
    const n = p.nTerms;
    const arena = Buffer.from(p.arena.buffer, 0, p.arenaLen);
    const names = new Array<string>(n);
    for (let t = 0; t < n; t++)
      names[t] = arena.toString(tAscii[t] ? 'latin1' : 'utf8', tStart[t]!, tStart[t]! + tLen[t]!);
    const order = Array.from({ length: n }, (_, t) => t).sort((a, b) =>
      names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0,
    );
    const rank = new Uint32Array(n);
    const terms = new Array<string>(n);
    for (let r = 0; r < n; r++) {
      rank[order[r]!] = r;
      terms[r] = names[order[r]!]!;
    }
    // Pass 1: each term's count and encoded size (a varint gap from the term's previous document, plus a byte).
    const offsets = new Uint32Array(n + 1);
    const df = new Uint32Array(n);
    const last = new Uint32Array(n);
    const blocks = p.blocks;
    const blockSize = p.blockSize;
    // Reads the postings back in the order written: the term id of the next one, then its byte in `meta`.
    let bi = -1;
    let off = blockSize;
    let meta = 0;
    const nextTerm = (): number => {
      if (off + MAX_POSTING > blockSize) {
        if (bi >= 0 && freeing) blocks[bi] = EMPTY;
        bi++;
        off = 0;
      }
      const b = blocks[bi]!;
      let x = b[off++]!;
      let id = x & 127;
      for (let shift = 7; x & 128; shift += 7) {
        x = b[off++]!;
        id |= (x & 127) << shift;
      }
      meta = b[off++]!;
      return id;
    };
    let freeing = false;
    const size = (x: number) => (x < 0x80 ? 1 : x < 0x4000 ? 2 : x < 0x200000 ? 3 : x < 0x10000000 ? 4 : 5);
    let k = 0;
    for (let d = 0; d < nDocs; d++) {
      const doc = docIds[d]!;
      for (const stop = docEnd[d]!; k < stop; k++) {
        const r = rank[nextTerm()]!;
        offsets[r + 1]! += size(doc - last[r]!) + 1;
        last[r] = doc;
        df[r]!++;
      }
    }
    for (let r = 0; r < n; r++) offsets[r + 1]! += offsets[r]!;
    // Pass 2: the encoded postings, term by term (documents were added in increasing order).
    const cursor = offsets.slice(0, n);
    last.fill(0);
    const postings = new Uint8Array(offsets[n]!);
    // Second reading: each block is let go as soon as it has been laid out.
    k = 0;
    bi = -1;
    off = blockSize;
    freeing = true;
    for (let d = 0; d < nDocs; d++) {
      const doc = docIds[d]!;
      for (const stop = docEnd[d]!; k < stop; k++) {
        const r = rank[nextTerm()]!;
        let at = cursor[r]!;
        let gap = doc - last[r]!;
        while (gap >= 0x80) {
          postings[at++] = (gap & 0x7f) | 0x80;
          gap = Math.floor(gap / 128);
        }
        postings[at++] = gap;
        postings[at++] = meta;
        cursor[r] = at;
        last[r] = doc;
      }
    }
    return {
      terms,
      offsets,
      df,
      postings,
      docs: docIds.slice(0, nDocs),
      lens: p.docLen.slice(0, nDocs),
    };
  }

  return { layOut, MAX_POSTING };
}

/** The segment layout function (see `segmentLayoutCode`). */
export type SegmentLayout = ReturnType<typeof segmentLayoutCode>;
