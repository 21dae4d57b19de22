import type { Segment } from './segment';

/** Walks one term's encoded postings in a segment (term -1: none); `doc` is -1 past the end. */
export class TermCursor {
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
