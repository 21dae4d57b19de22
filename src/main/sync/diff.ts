import type { DiffLine } from '../../shared/sync';

const MAX_CELLS = 4_000_000;

/**
 * A line diff of two texts (longest common subsequence), "mine" lines before "theirs" lines in each change.
 * Beyond MAX_CELLS it shows the two sides as one change rather than spend seconds on alignment.
 */
export function diffLines(mine: string, theirs: string): DiffLine[] {
  const a = mine.split('\n');
  const b = theirs.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: DiffLine[] = a.slice(0, start).map((text) => ({ kind: 'same', text }));
  const tail: DiffLine[] = a.slice(endA).map((text) => ({ kind: 'same', text }));
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  if (x.length * y.length > MAX_CELLS) {
    return [
      ...head,
      ...x.map((text) => ({ kind: 'mine' as const, text })),
      ...y.map((text) => ({ kind: 'theirs' as const, text })),
      ...tail,
    ];
  }
  const n = x.length;
  const m = y.length;
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        x[i] === y[j]
          ? (lcs[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j] ?? 0, lcs[i * (m + 1) + j + 1] ?? 0);
    }
  }
  const middle: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      middle.push({ kind: 'same', text: x[i] ?? '' });
      i++;
      j++;
    } else if (j >= m || (i < n && (lcs[(i + 1) * (m + 1) + j] ?? 0) >= (lcs[i * (m + 1) + j + 1] ?? 0))) {
      middle.push({ kind: 'mine', text: x[i] ?? '' });
      i++;
    } else {
      middle.push({ kind: 'theirs', text: y[j] ?? '' });
      j++;
    }
  }
  return [...head, ...middle, ...tail];
}
