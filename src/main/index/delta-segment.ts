import { docOf, metaOf, varintSize, writeVarint } from './postings';
import type { Segment } from './segment';

/** The delta as a (small) sorted, encoded segment. */
export function deltaSegment(delta: ReadonlyMap<string, number[]>): Segment {
  const terms = [...delta.keys()].sort();
  const offsets = new Uint32Array(terms.length + 1);
  const df = new Uint32Array(terms.length);
  let total = 0;
  terms.forEach((t, i) => {
    const list = delta.get(t)!;
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
    for (const p of delta.get(t)!) {
      at = writeVarint(postings, at, docOf(p) - prev);
      postings[at++] = metaOf(p);
      prev = docOf(p);
    }
  }
  return { terms, offsets, df, postings };
}
