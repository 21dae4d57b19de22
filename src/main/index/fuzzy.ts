/** A 32-bit set of the characters in a term: two terms within edit distance d differ in at most 2d bits. */
export function charMask(term: string): number {
  let m = 0;
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    const bit = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 + ((c - 48) % 5) : 31;
    m |= 1 << bit;
  }
  return m >>> 0;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const rowA = new Int32Array(64);
const rowB = new Int32Array(64);
const rowC = new Int32Array(64);

/**
 * The optimal string alignment distance of `a` and `b` (Levenshtein plus a swap of two adjacent characters as
 * one edit: `bulid` is 1 from `build`) if it is at most `max`, else `max + 1`. Stops early once two rows in a
 * row exceed `max` (a swap reaches back two rows, no further).
 */
export function boundedDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n > 62 || m > 62) return max + 1;
  let before = rowC;
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= m; j++) prev[j] = j;
  let prevBest = 0;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    const pa = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (cost && j > 1 && ca === b.charCodeAt(j - 2) && pa === cb && before[j - 2]! + 1 < v) v = before[j - 2]! + 1;
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max && prevBest > max) return max + 1;
    prevBest = best;
    const t = before;
    before = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]! > max ? max + 1 : prev[m]!;
}

/** The edit distance a query term of this length may be off by: none for short words, 1 from 4 letters, 2 from 8. */
export function allowedDistance(len: number): number {
  return len >= 8 ? 2 : len >= 4 ? 1 : 0;
}

/**
 * The edit distance query word `q` may be off by: `allowedDistance` of its length, but none for names with
 * punctuation (`.net`, `c#`, `node.js`), which would otherwise match their bare parts (`net`) by one edit.
 */
export function typoDistance(q: string): number {
  return /[.#+]/.test(q) ? 0 : allowedDistance(q.length);
}
