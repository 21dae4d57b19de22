/**
 * The line structure of a frontmatter, shared by the tolerant reader and the raw-preserving field helpers: where
 * the fences are, and which lines belong to which top-level key. No YAML parsing here.
 */

/** Where a Markdown file's frontmatter is (offsets into the text without its BOM). */
export interface FrontmatterFence {
  /** The frontmatter text between the fences as written ('' for `---` directly followed by `---`). */
  readonly source: string;
  /** Offset of `source` in the text. */
  readonly sourceStart: number;
  /** Offset where the body starts (after the closing fence and its line break). */
  readonly bodyStart: number;
  /** 1-based line where the body starts. */
  readonly bodyLine: number;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*\r?$/gm; // stateful (lastIndex): set before each use, only ever used synchronously

/**
 * Finds `---` … `---` at the very start of `src` (BOM already removed). Both fences may carry trailing spaces or
 * tabs and CRLF; the closing fence may end the file. Undefined when there is no (closed) frontmatter.
 */
export function frontmatterFence(src: string): FrontmatterFence | undefined {
  const open = OPEN.exec(src);
  if (!open) return undefined;
  const sourceStart = open[0].length;
  CLOSE.lastIndex = sourceStart;
  const m = CLOSE.exec(src);
  if (!m) return undefined;
  let sourceEnd = m.index;
  if (sourceEnd > sourceStart) {
    sourceEnd--; // the line break before the closing fence
    if (src[sourceEnd - 1] === '\r') sourceEnd--;
  }
  let bodyStart = m.index + m[0].length;
  if (src[bodyStart] === '\n') bodyStart++;
  let bodyLine = 1;
  for (let i = src.indexOf('\n'); i !== -1 && i < bodyStart; i = src.indexOf('\n', i + 1)) bodyLine++;
  return { source: src.slice(sourceStart, sourceEnd), sourceStart, bodyStart, bodyLine };
}

/** One line of a frontmatter: its text without the line break, where it is in the file. */
export interface FmLine {
  /** Without `\r\n` / `\n`. */
  readonly text: string;
  /** 1-based line in the whole file. */
  readonly line: number;
  /** 0-based column of `text[0]` in the file line (non-zero for dedented nested blocks). */
  readonly col0: number;
  /** Offset of the line in the frontmatter source. */
  readonly offset: number;
}

/** The frontmatter source as lines; `firstLine` is the file line of the first one (2 below the opening fence). */
export function splitLines(source: string, firstLine: number): FmLine[] {
  const out: FmLine[] = [];
  let offset = 0;
  for (const raw of source.split('\n')) {
    out.push({ text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, line: firstLine + out.length, col0: 0, offset });
    offset += raw.length + 1;
  }
  return out;
}

/** A top-level key and the lines that belong to it (its key line, then indented or `- ` lines). */
export interface KeyBlock {
  readonly key: string;
  /** Index of the key line in the lines. */
  readonly start: number;
  /** Index after the block's last line (trailing blank and comment lines are not part of it). */
  readonly end: number;
  /** 0-based column where the value starts on the key line. */
  readonly valueCol: number;
  /** The rest of the key line after `key:` and spaces, trimmed at the end. */
  readonly value: string;
}

// `key:` at column 0, the colon followed by a space, a tab or the end of the line. Plain keys cannot start
// with a YAML indicator (other than `-` not followed by a space); quoted keys may hold anything. No pattern here
// can backtrack over a long line (hostile input): the plain key is found with a plain search for the colon.
const QUOTED_KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)')[ \t]*:(?:[ \t]+|$)/;
const PLAIN_KEY_START = /^(?:[^\s#'"[\]{}&*!|>%@`?,-]|-\S)/;
const KEY_COLON = /:(?=[ \t]|$)/;

/** The key a line at column 0 opens, with the column its value starts at; undefined if it is not a key line. */
export function keyLine(text: string): { key: string; valueCol: number } | undefined {
  const q = QUOTED_KEY.exec(text);
  if (q) {
    let key: string;
    if (q[1] !== undefined) {
      try {
        key = JSON.parse(`"${q[1]}"`) as string;
      } catch {
        key = q[1];
      }
    } else key = q[2]!.replace(/''/g, "'");
    return { key, valueCol: q[0].length };
  }
  if (!PLAIN_KEY_START.test(text)) return undefined;
  const colon = KEY_COLON.exec(text);
  if (!colon) return undefined;
  let valueCol = colon.index + 1;
  while (text[valueCol] === ' ' || text[valueCol] === '\t') valueCol++;
  return { key: text.slice(0, colon.index).trimEnd(), valueCol };
}

const isBlank = (t: string) => t.trim() === '';
const isComment = (t: string) => t.startsWith('#');

/**
 * Groups lines into top-level key blocks. A line at column 0 that is neither a key, a comment nor a `- ` item
 * continues the block before it (the reader reports it); lines before the first key are returned as `stray`.
 */
export function keyBlocks(lines: ReadonlyArray<FmLine>): { blocks: KeyBlock[]; stray: number[] } {
  const blocks: KeyBlock[] = [];
  const stray: number[] = [];
  let cur: { key: string; start: number; end: number; valueCol: number; value: string } | undefined;
  const close = () => {
    if (cur) blocks.push(cur);
    cur = undefined;
  };
  lines.forEach((l, i) => {
    const t = l.text;
    if (isBlank(t) || isComment(t)) return;
    const k = /^[ \t]|^-(?:[ \t]|$)/.test(t) ? undefined : keyLine(t);
    if (k) {
      close();
      cur = { key: k.key, start: i, end: i + 1, valueCol: k.valueCol, value: t.slice(k.valueCol).trimEnd() };
    } else if (cur) cur.end = i + 1;
    else stray.push(i);
  });
  close();
  return { blocks, stray };
}
