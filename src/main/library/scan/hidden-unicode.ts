import type { ScanFinding, ScanRule } from '../../../shared/scan';

/** Bidi embeddings, overrides and isolates: they reorder how text is shown (Trojan Source). */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
/** Unicode tag characters (U+E0000..U+E007F): invisible, and read by language models as text. */
const TAG = /\uDB40[\uDC00-\uDC7F]/;
/** Everything reported; zero-width U+200B..U+200D, U+2060, and U+FEFF past the start of the file (a BOM is normal). */
const ANY = /[\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\uFEFF]|\uDB40[\uDC00-\uDC7F]/g;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const BLACK_FLAG = '\u{1F3F4}';

const RULES: ReadonlyArray<{ readonly rule: ScanRule; readonly what: string; readonly severity: 'error' | 'warning' }> =
  [
    { rule: 'unicode/bidi', what: 'bidirectional control character', severity: 'error' },
    { rule: 'unicode/tag', what: 'invisible Unicode tag character', severity: 'error' },
    { rule: 'unicode/zero-width', what: 'zero-width character', severity: 'warning' },
  ];

function ruleOf(ch: string): ScanRule {
  if (BIDI.test(ch)) return 'unicode/bidi';
  if (TAG.test(ch)) return 'unicode/tag';
  return 'unicode/zero-width';
}

/** The code point before index `i` (a surrogate pair counts as one). */
function charBefore(text: string, i: number): string {
  const cp = i >= 2 ? text.codePointAt(i - 2) : undefined;
  if (cp !== undefined && cp > 0xffff) return String.fromCodePoint(cp);
  return text[i - 1] ?? '';
}

/** Whether a hidden character at `i` is part of a legitimate emoji sequence (ZWJ between pictographs, flag tags). */
function inEmoji(text: string, i: number, ch: string): boolean {
  if (ch === '\u200D') {
    const next = String.fromCodePoint(text.codePointAt(i + 1) ?? 0);
    return PICTOGRAPH.test(charBefore(text, i)) && PICTOGRAPH.test(next);
  }
  if (TAG.test(ch)) {
    // A subdivision flag: U+1F3F4, tag letters, U+E007F (cancel tag).
    let j = i;
    while (j >= 2 && TAG.test(text.slice(j - 2, j))) j -= 2;
    return text.slice(j - 2, j) === BLACK_FLAG;
  }
  return false;
}

/** Escapes hidden and control characters so a name can be printed on one line and seen. */
export function visible(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex -- escaping control characters is the point
    /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\uFEFF]|\uDB40[\uDC00-\uDC7F]/g,
    (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`,
  );
}

/** One finding per rule and line (naming the first character and how many), at most `limit` per file. */
export function findHiddenUnicode(file: string, lines: ReadonlyArray<string>, limit = 50): ScanFinding[] {
  const out: ScanFinding[] = [];
  for (let n = 0; n < lines.length && out.length < limit; n++) {
    const text = lines[n]!;
    const perRule = new Map<ScanRule, { column: number; code: number; count: number }>();
    for (const m of text.matchAll(ANY)) {
      const i = m.index ?? 0;
      const ch = m[0];
      if (ch === '\uFEFF' && n === 0 && i === 0) continue;
      if (inEmoji(text, i, ch)) continue;
      const rule = ruleOf(ch);
      const hit = perRule.get(rule);
      if (hit) hit.count++;
      else perRule.set(rule, { column: i + 1, code: ch.codePointAt(0)!, count: 1 });
    }
    for (const r of RULES) {
      const hit = perRule.get(r.rule);
      if (!hit) continue;
      const code = `U+${hit.code.toString(16).toUpperCase().padStart(4, '0')}`;
      out.push({
        file,
        line: n + 1,
        column: hit.column,
        rule: r.rule,
        severity: r.severity,
        message: `${r.what} ${code}${hit.count > 1 ? ` (and ${hit.count - 1} more on this line)` : ''}: text may read differently than it shows`,
      });
    }
  }
  return out;
}

/** Hidden characters in the last segment of a file or folder name (`name`), reported on line 1 of `shown`. */
export function findHiddenInName(shown: string, name: string): ScanFinding[] {
  return findHiddenUnicode(shown, [name]).map((f) => ({
    ...f,
    line: 1,
    message: `the name has a ${f.message.replace(/: text may.*$/, '')}`,
  }));
}
