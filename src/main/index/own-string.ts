/**
 * A copy of `s` that does not point into a larger string. V8 represents a slice of 13 or more characters
 * as a view of its parent, so a title or a long word cut from a file would keep the whole file's text
 * alive for as long as the index keeps it: at 100,000 files that is the whole library in memory.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}
