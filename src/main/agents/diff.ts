/** A unified diff between two texts (3 lines of context), "" when equal. Small and dependency-free. */
export function unifiedDiff(oldText: string | undefined, newText: string | undefined, label: string): string {
  const a = oldText === undefined ? [] : splitLines(oldText);
  const b = newText === undefined ? [] : splitLines(newText);
  if (oldText === newText) return '';
  const ops = lineOps(a, b);
  const hunks: string[] = [];
  const ctx = 3;
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.t === ' ') {
      i++;
      continue;
    }
    let start = Math.max(0, i - ctx);
    let end = i;
    // Extend while changes are within 2*ctx of each other.
    for (let j = i; j < ops.length; j++) {
      if (ops[j]!.t !== ' ') end = j;
      else if (j - end > 2 * ctx) break;
    }
    const stop = Math.min(ops.length, end + ctx + 1);
    const slice = ops.slice(start, stop);
    const aStart = slice[0]!.a;
    const bStart = slice[0]!.b;
    const aLen = slice.filter((o) => o.t !== '+').length;
    const bLen = slice.filter((o) => o.t !== '-').length;
    hunks.push(`@@ -${aLen ? aStart + 1 : aStart},${aLen} +${bLen ? bStart + 1 : bStart},${bLen} @@`);
    for (const o of slice) hunks.push(`${o.t}${o.line}`);
    i = stop;
    start = stop;
  }
  const sep = label.startsWith('/') ? '' : '/';
  const from = oldText === undefined ? '/dev/null' : `a${sep}${label}`;
  const to = newText === undefined ? '/dev/null' : `b${sep}${label}`;
  return `--- ${from}\n+++ ${to}\n${hunks.join('\n')}\n`;
}

interface Op {
  readonly t: ' ' | '-' | '+';
  readonly line: string;
  /** Index in a / b at this op. */
  readonly a: number;
  readonly b: number;
}

function splitLines(t: string): string[] {
  const lines = t.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Common prefix/suffix trimmed, LCS on the middle (or a plain replace when the middle is huge). */
function lineOps(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const ops: Op[] = [];
  for (let k = 0; k < pre; k++) ops.push({ t: ' ', line: a[k]!, a: k, b: k });
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  if (am.length * bm.length > 4_000_000) {
    am.forEach((line, k) => ops.push({ t: '-', line, a: pre + k, b: pre }));
    bm.forEach((line, k) => ops.push({ t: '+', line, a: pre + am.length, b: pre + k }));
  } else {
    const n = am.length;
    const m = bm.length;
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let x = n - 1; x >= 0; x--)
      for (let y = m - 1; y >= 0; y--)
        lcs[x]![y] = am[x] === bm[y] ? lcs[x + 1]![y + 1]! + 1 : Math.max(lcs[x + 1]![y]!, lcs[x]![y + 1]!);
    let x = 0;
    let y = 0;
    while (x < n || y < m) {
      if (x < n && y < m && am[x] === bm[y]) {
        ops.push({ t: ' ', line: am[x]!, a: pre + x, b: pre + y });
        x++;
        y++;
      } else if (x < n && (y === m || lcs[x + 1]![y]! >= lcs[x]![y + 1]!)) {
        ops.push({ t: '-', line: am[x]!, a: pre + x, b: pre + y });
        x++;
      } else {
        ops.push({ t: '+', line: bm[y]!, a: pre + x, b: pre + y });
        y++;
      }
    }
  }
  for (let k = 0; k < suf; k++)
    ops.push({ t: ' ', line: a[a.length - suf + k]!, a: a.length - suf + k, b: b.length - suf + k });
  return ops;
}
