import fs from 'node:fs';

/** At most this many bytes of one file are scanned. */
export const MAX_SCAN_BYTES = 1024 * 1024;

/** What a capped read found: the bytes (at most `cap`), the file's full size, and whether it looks binary. */
export interface CappedRead {
  readonly bytes: Buffer;
  readonly size: number;
  readonly truncated: boolean;
  readonly binary: boolean;
}

const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

/**
 * Reads the first `cap` bytes of a regular file without following a symlink (O_NOFOLLOW) and without blocking on a
 * FIFO or device (O_NONBLOCK, then fstat). Undefined when it is not a regular file or cannot be read; never throws.
 */
export function readCapped(abs: string, cap = MAX_SCAN_BYTES): CappedRead | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | NOFOLLOW | NONBLOCK);
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return undefined;
    const want = Math.min(st.size, cap);
    const buf = Buffer.alloc(want);
    let got = 0;
    while (got < want) {
      const n = fs.readSync(fd, buf, got, want - got, got);
      if (n <= 0) break;
      got += n;
    }
    const bytes = buf.subarray(0, got);
    return { bytes, size: st.size, truncated: st.size > got, binary: looksBinary(bytes) };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A NUL byte in the first 8 KiB: how git decides a file is binary. */
export function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}
