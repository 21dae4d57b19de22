import { varintSize, writeVarint } from './postings';
import type { Segment } from './segment';
import { TermCursor } from './term-cursor';

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

/** The dictionary of two segments merged (only terms with a live posting), with byte offsets and counts. */
export function mergePlan(
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
export function* mergedPostings(
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
export function mergeSegments(a: Segment, b: Segment, alive: Uint8Array): Segment {
  const plan = mergePlan(a, b, alive);
  const postings = new Uint8Array(plan.offsets[plan.terms.length]!);
  let at = 0;
  for (const part of mergedPostings(a, b, plan, alive)) {
    postings.set(part, at);
    at += part.length;
  }
  return { terms: plan.terms, offsets: plan.offsets, df: plan.df, postings };
}
