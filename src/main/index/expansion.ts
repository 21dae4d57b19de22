import { boundedDistance, charMask, popcount, typoDistance } from './fuzzy';
import { lowerBound, type Segment } from './segment';

/** The most terms one query word expands to by prefix, and by edit distance. */
export const MAX_EXPANSIONS = 64;

/** How a term matched a query word; a better class outranks any score (see `scoreQuery`). */
export const MATCH = { typo: 0, prefix: 1, exact: 2 } as const;

/** A term a query word matched: its postings as encoded bytes (segment) or packed integers (delta). */
export interface Expansion {
  readonly term: string;
  readonly weight: number;
  /** One of `MATCH`. */
  readonly match: number;
  readonly df: number;
  readonly bytes?: Uint8Array;
  readonly list?: ArrayLike<number>;
  readonly from: number;
  readonly to: number;
}

/** The segment terms matching `q` exactly, by prefix or by edit distance. */
export function segmentExpansions(seg: Segment, q: string, prefix: boolean, fuzzy: boolean): Expansion[] {
  const out: Expansion[] = [];
  const max = fuzzy ? typoDistance(q) : 0;
  const seen = new Set<string>();
  const take = (k: number, weight: number, match: number) => {
    const term = seg.terms[k]!;
    const df = seg.df[k]!;
    if (df > 0)
      out.push({ term, weight, match, df, bytes: seg.postings, from: seg.offsets[k]!, to: seg.offsets[k + 1]! });
    seen.add(term);
  };
  const lo = lowerBound(seg.terms, q);
  if (seg.terms[lo] === q) take(lo, 1, MATCH.exact);
  if (prefix && q.length >= 2) {
    const range: number[] = [];
    for (let k = seg.terms[lo] === q ? lo + 1 : lo; k < seg.terms.length && seg.terms[k]!.startsWith(q); k++)
      range.push(k);
    if (range.length > MAX_EXPANSIONS) range.sort((x, y) => seg.df[y]! - seg.df[x]!).length = MAX_EXPANSIONS;
    for (const k of range) take(k, 0.55 + 0.35 * (q.length / seg.terms[k]!.length), MATCH.prefix);
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
        take(k, dist === 1 ? 0.45 : 0.3, MATCH.typo);
        found++;
      }
    }
  }
  return out;
}

/** `out` (the segment's expansions of `q`) plus the delta terms matching `q` exactly, by prefix or by distance. */
export function withDeltaExpansions(
  out: Expansion[],
  delta: ReadonlyMap<string, number[]>,
  q: string,
  prefix: boolean,
  fuzzy: boolean,
): Expansion[] {
  const max = fuzzy ? typoDistance(q) : 0;
  const qmask = charMask(q);
  const d = delta.get(q);
  if (d && d.length)
    out.push({ term: q + '\u0000d', weight: 1, match: MATCH.exact, df: d.length, list: d, from: 0, to: d.length });
  for (const [t, list] of delta) {
    if (t === q || list.length === 0) continue;
    if (prefix && q.length >= 2 && t.startsWith(q))
      out.push({
        term: t + '\u0000d',
        weight: 0.55 + 0.35 * (q.length / t.length),
        match: MATCH.prefix,
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
          match: MATCH.typo,
          df: list.length,
          list,
          from: 0,
          to: list.length,
        });
    }
  }
  return out;
}
