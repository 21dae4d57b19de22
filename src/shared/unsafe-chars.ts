/**
 * Bidi controls and invisible formatting characters that can make a name look like another one. The zero-width
 * joiners (U+200C, U+200D) are left out: emoji and several scripts need them.
 */
const INVISIBLE: ReadonlySet<number> = new Set([
  0x061c, 0x200b, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2066, 0x2067,
  0x2068, 0x2069, 0xfeff,
]);

/** Whether a code point is a control character (C0, DEL, C1) or a bidi/invisible formatting character. */
export function isUnsafeCodePoint(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || INVISIBLE.has(cp);
}

/** Whether a string holds any character isUnsafeCodePoint names. */
export function hasUnsafeChars(s: string): boolean {
  for (const ch of s) if (isUnsafeCodePoint(ch.codePointAt(0)!)) return true;
  return false;
}

/** The string with each unsafe character shown as `\u{hex}` (e.g. U+202E as `\u{202e}`), so it cannot hide. */
export function escapeUnsafeChars(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += isUnsafeCodePoint(cp) ? `\\u{${cp.toString(16)}}` : ch;
  }
  return out;
}
