/**
 * The tokenizer as one self-contained function (no imports, no outside names), so a worker thread can run the
 * very same code from its source text (see segment-worker.ts): the word scan of strings and of UTF-8 bytes.
 */
export function termScanCode() {
  /** Shortest and longest terms the search index keeps (in UTF-16 code units). */
  const MIN_TERM = 2;
  const MAX_TERM = 40;

  /** Non-ASCII characters that separate words: spaces, dashes, quotes and other punctuation, CJK and full-width. */
  function isWideSeparator(c: number): boolean {
    return (
      c === 0xa0 ||
      (c >= 0x2000 && c <= 0x200b) ||
      (c >= 0x2010 && c <= 0x205e) ||
      (c >= 0x3000 && c <= 0x303f && (c < 0x3005 || c > 0x3007)) ||
      c === 0x30fb ||
      (c >= 0xff01 && c <= 0xff0f) ||
      (c >= 0xff1a && c <= 0xff20) ||
      (c >= 0xff3b && c <= 0xff40) ||
      (c >= 0xff5b && c <= 0xff65)
    );
  }

  function isWordChar(c: number): boolean {
    return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c > 127 && !isWideSeparator(c));
  }

  /** Han, kana and Hangul: runs of them have no spaces between words, `Intl.Segmenter` finds the words. */
  function isCjk(c: number): boolean {
    return (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0x3040 && c <= 0x30ff && c !== 0x30fb) ||
      (c >= 0x31f0 && c <= 0x31ff) ||
      (c >= 0xac00 && c <= 0xd7af) ||
      (c >= 0x1100 && c <= 0x11ff) ||
      (c >= 0x3130 && c <= 0x318f) ||
      (c >= 0xff66 && c <= 0xff9f) ||
      (c >= 0x3005 && c <= 0x3007)
    );
  }

  /** A letter or digit of a word that is not CJK (those words may be joined by dots). */
  function isPlain(c: number): boolean {
    return isWordChar(c) && !isCjk(c);
  }

  /** Whether `text[i]` is a letter or any other word character but an ASCII digit (`C++20` is `c++` and `20`). */
  function isLetterAt(text: string, i: number): boolean {
    if (i >= text.length) return false;
    const c = text.charCodeAt(i);
    return isWordChar(c) && (c < 48 || c > 57);
  }

  let segmenter: Intl.Segmenter | undefined;
  const CJK_RUN = 1024;

  /**
   * The words of a run of CJK characters (and the punctuation between them, which separates words). Characters
   * ICU's dictionary does not know come back one by one: a run of such single characters is kept as one term
   * (so `密钥` stays searchable, where ICU splits it in two).
   */
  function cjkWords(run: string, emit: (term: string) => void): void {
    segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
    let single = '';
    const flush = () => {
      if (single.length >= MIN_TERM && single.length <= MAX_TERM) emit(single);
      single = '';
    };
    for (const s of segmenter.segment(run)) {
      const w = s.segment;
      if (!s.isWordLike || !isCjk(w.charCodeAt(0))) {
        flush();
        continue;
      }
      if (w.length === 1) {
        single += w;
        continue;
      }
      flush();
      if (w.length <= MAX_TERM) emit(w.toLowerCase());
    }
    flush();
  }

  function word(text: string, from: number, to: number, emit: (term: string) => void): void {
    const len = to - from;
    if (len >= MIN_TERM && len <= MAX_TERM) emit(text.slice(from, to).toLowerCase());
  }

  /**
   * The word at `p` (after a leading dot at `s` when `s < p`) and the words joined to it by single dots: each
   * word is a term, and so is the dotted whole (`node.js`, `asp.net`, `.net`). A lone letter followed by `#`
   * or `++` (and no letter) is a term with its suffix (`c#`, `f#`, `c++`). Returns where the scan goes on.
   */
  function dotted(text: string, s: number, p: number, emit: (term: string) => void): number {
    const n = text.length;
    const lead = s < p;
    let parts = 0;
    for (;;) {
      const from = p;
      while (p < n && isPlain(text.charCodeAt(p))) p++;
      word(text, from, p, emit);
      parts++;
      if (p + 1 < n && text.charCodeAt(p) === 46 && isPlain(text.charCodeAt(p + 1))) p++;
      else break;
    }
    if (parts > 1 || lead) {
      word(text, s, p, emit);
      return p;
    }
    if (p - s === 1 && p < n) {
      const c = text.charCodeAt(s) | 32;
      const x = text.charCodeAt(p);
      if (c >= 97 && c <= 122) {
        if (x === 35 && !isLetterAt(text, p + 1)) {
          emit(String.fromCharCode(c) + '#');
          return p + 1;
        }
        if (x === 43 && text.charCodeAt(p + 1) === 43 && !isLetterAt(text, p + 2)) {
          emit(String.fromCharCode(c) + '++');
          return p + 2;
        }
      }
    }
    return p;
  }

  /**
   * Calls `emit` for each lower-cased term of `text`: words of letters and digits (punctuation, Markdown and
   * path separators split words), dotted names and their parts, `c#`-like names, and the words of CJK runs.
   * Only ASCII whitespace is a boundary every rule stops at, so a text can be scanned chunk by chunk between
   * whitespace (the byte scan of `SegmentBuilder` relies on it). A hand-rolled scan: several times faster than
   * a regex split on large bodies.
   */
  function forEachTerm(text: string, emit: (term: string) => void): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isWordChar(c)) {
        // A leading dot belongs to the word after it (`.NET`, `.env`) when no word comes right before it.
        if (
          c === 46 &&
          i + 1 < n &&
          isPlain(text.charCodeAt(i + 1)) &&
          (i === 0 || !isWordChar(text.charCodeAt(i - 1)))
        )
          i = dotted(text, i, i + 1, emit);
        else i++;
      } else if (isCjk(c)) {
        // CJK characters and the punctuation between them go to the segmenter at once (far fewer calls; it
        // returns the punctuation as segments that are not words), in pieces of at most CJK_RUN characters:
        // segmenting a very long string at once got slower than linear.
        let j = i + 1;
        for (; j < n && j - i < CJK_RUN; j++) {
          const x = text.charCodeAt(j);
          if (!isCjk(x) && (x < 128 || !isWideSeparator(x))) break;
        }
        cjkWords(text.slice(i, j), emit);
        i = j;
      } else i = dotted(text, i, i, emit);
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

  /**
   * Bytes of a common non-ASCII separator at `i` (no-break space, general punctuation such as dashes and curly
   * quotes, CJK punctuation such as `。`, `、` and `「」`), else 0. Every one is a separator for `forEachTerm`.
   */
  function wideSeparator(b: Uint8Array, i: number, end: number): number {
    const c = b[i]!;
    if (c === 0xc2) return i + 1 < end && b[i + 1] === 0xa0 ? 2 : 0;
    if (i + 2 >= end) return 0;
    const d = b[i + 1]!;
    const e = b[i + 2]!;
    // U+2000..U+200B and U+2010..U+203F
    if (c === 0xe2) return d === 0x80 && (e <= 0x8b || e >= 0x90) ? 3 : 0;
    // U+3000..U+303F but the iteration and closing marks U+3005..U+3007 (parts of words)
    if (c === 0xe3) return d === 0x80 && (e < 0x85 || e > 0x87) ? 3 : 0;
    return 0;
  }

  /** ASCII whitespace: the bytes a chunk of text ends at for the byte scan. */
  function isSpace(x: number): boolean {
    return x === 32 || x === 10 || x === 13 || x === 9 || x === 12 || x === 11;
  }

  return { MIN_TERM, MAX_TERM, forEachTerm, terms, CLASS, LOWER, wideSeparator, isSpace };
}

/** The tokenizer's functions and tables (see `termScanCode`). */
export type TermScan = ReturnType<typeof termScanCode>;
