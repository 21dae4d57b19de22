/**
 * The `k` best of `docs` (higher tier first, then higher score, then lower doc id): a bounded selection, not a
 * sort of every hit.
 */
export function topK(
  docs: ArrayLike<number>,
  count: number,
  score: (doc: number) => number,
  k: number,
  tier: (doc: number) => number = () => 0,
): number[] {
  const better = (a: number, b: number) => {
    const ta = tier(a);
    const tb = tier(b);
    return ta > tb || (ta === tb && (score(a) > score(b) || (score(a) === score(b) && a < b)));
  };
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
