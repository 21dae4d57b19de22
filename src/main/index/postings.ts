/** Field bits in a posting's low nibble; the high nibble is the body term frequency, capped at 15. */
export const FIELD = { title: 1, tags: 2, path: 4, description: 8 } as const;

/** A posting packed in 32 bits: document id (up to 2^24) and one byte of fields + frequency. */
export function pack(doc: number, meta: number): number {
  return (doc * 256 + meta) >>> 0;
}
export function docOf(p: number): number {
  return p >>> 8;
}
export function metaOf(p: number): number {
  return p & 255;
}
export const MAX_DOCS = 1 << 24;

/** Grows a typed array to hold index `i`. */
export function ensureU32(arr: Uint32Array<ArrayBuffer>, i: number): Uint32Array<ArrayBuffer> {
  if (i < arr.length) return arr;
  const next = new Uint32Array(Math.max(i + 1, arr.length * 2, 1024));
  next.set(arr);
  return next;
}
export function ensureU8(arr: Uint8Array<ArrayBuffer>, i: number): Uint8Array<ArrayBuffer> {
  if (i < arr.length) return arr;
  const next = new Uint8Array(Math.max(i + 1, arr.length * 2, 1024));
  next.set(arr);
  return next;
}

/** Bytes of `x` as a varint (7 bits a byte, low bits first). */
export function varintSize(x: number): number {
  return x < 0x80 ? 1 : x < 0x4000 ? 2 : x < 0x200000 ? 3 : x < 0x10000000 ? 4 : 5;
}
/** Writes `x` as a varint at `at`; returns the position after it. */
export function writeVarint(buf: Uint8Array, at: number, x: number): number {
  while (x >= 0x80) {
    buf[at++] = (x & 0x7f) | 0x80;
    x = Math.floor(x / 128);
  }
  buf[at++] = x;
  return at;
}
