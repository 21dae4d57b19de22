/**
 * The tokenizer as one self-contained function (no imports, no outside names), so a worker thread can run the
 * very same code from its source text (see segment-worker.ts): the word scan of strings and of UTF-8 bytes.
 */
export function termScanCode() {
  /** Shortest and longest terms the search index keeps. */
  const MIN_TERM = 2;
  const MAX_TERM = 40;

  function isWordChar(c: number): boolean {
    return (
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c > 127 && c !== 0x2019 && c !== 0x201c && c !== 0x201d && c !== 0x2014 && c !== 0x2013 && c !== 0xa0)
    );
  }

  /**
   * Calls `emit` for each lower-cased word of `text` (letters and digits; punctuation, Markdown and path
   * separators split words). A hand-rolled scan: several times faster than a regex split on large bodies.
   */
  function forEachTerm(text: string, emit: (term: string) => void): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      while (i < n && !isWordChar(text.charCodeAt(i))) i++;
      const start = i;
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      const len = i - start;
      if (len >= MIN_TERM && len <= MAX_TERM) emit(text.slice(start, i).toLowerCase());
    }
  }

  /** The distinct terms of `text`, in order of first appearance. */
  function terms(text: string): string[] {
    const seen = new Set<string>();
    forEachTerm(text, (t) => seen.add(t));
    return [...seen];
  }

  /** Byte classes: 0 separator, 1 ASCII letter or digit, 2 a byte of a non-ASCII character. */
  const CLASS = (() => {
    const c = new Uint8Array(256);
    for (let b = 0; b < 256; b++)
      c[b] = (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) ? 1 : b >= 128 ? 2 : 0;
    return c;
  })();

  /** ASCII upper case to lower case; every other byte to itself. */
  const LOWER = (() => {
    const l = new Uint8Array(256);
    for (let b = 0; b < 256; b++) l[b] = b >= 65 && b <= 90 ? b | 32 : b;
    return l;
  })();

  /** Bytes of a separator that is not ASCII (no-break space, en and em dash, curly quotes) at `i`, else 0. */
  function wideSeparator(b: Uint8Array, i: number, end: number): number {
    const c = b[i]!;
    if (c === 0xc2) return i + 1 < end && b[i + 1] === 0xa0 ? 2 : 0;
    if (c === 0xe2 && i + 2 < end && b[i + 1] === 0x80) {
      const d = b[i + 2]!;
      return d === 0x93 || d === 0x94 || d === 0x99 || d === 0x9c || d === 0x9d ? 3 : 0;
    }
    return 0;
  }

  return { MIN_TERM, MAX_TERM, forEachTerm, terms, CLASS, LOWER, wideSeparator };
}

/** The tokenizer's functions and tables (see `termScanCode`). */
export type TermScan = ReturnType<typeof termScanCode>;
