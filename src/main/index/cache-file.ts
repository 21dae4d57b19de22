import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const MAGIC = 'AICFG-INDEX\n';

/** Why a cache file was not used; every one of them means "rebuild". */
export type CacheReadFailure =
  | { readonly kind: 'missing' }
  | { readonly kind: 'corrupt'; readonly reason: string }
  | { readonly kind: 'version'; readonly found: unknown };

export type CacheRead =
  | { readonly kind: 'ok'; readonly sections: Readonly<Record<string, Buffer>>; readonly bytes: number }
  | CacheReadFailure;

interface Header {
  readonly version: number;
  readonly sections: ReadonlyArray<readonly [string, number]>;
  readonly sha256: string;
}

const pad4 = (n: number) => (4 - (n % 4)) % 4;

/** A section's bytes: one buffer, or chunks produced while writing (so a large section is never one copy). */
export type Section = Uint8Array | { readonly length: number; readonly chunks: () => Iterable<Uint8Array> };

const lengthOf = (s: Section) => (s instanceof Uint8Array ? s.byteLength : s.length);
const chunksOf = (s: Section): Iterable<Uint8Array> => (s instanceof Uint8Array ? [s] : s.chunks());

/**
 * Writes named binary sections behind a header that carries the format version, each section's length
 * and a SHA-256 of all of them. Each section starts on a 4-byte boundary, so a reader can view integer
 * arrays in place. Atomic like writeAtomic (temp file in the same folder, fsync, rename), and streamed:
 * the header goes first with a placeholder checksum of the same length, the sections follow chunk by
 * chunk while being hashed, and the checksum is written over the placeholder last.
 */
export async function writeCacheFile(
  file: string,
  version: number,
  sections: Readonly<Record<string, Section>>,
): Promise<number> {
  const names = Object.keys(sections);
  const headText = (sha256: string) => {
    const header: Header = { version, sections: names.map((n) => [n, lengthOf(sections[n]!)] as const), sha256 };
    const head = MAGIC + JSON.stringify(header);
    return head + ' '.repeat(pad4(Buffer.byteLength(head) + 1)) + '\n';
  };
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const fh = await fs.promises.open(tmp, 'w', 0o600);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    const put = async (b: Uint8Array) => {
      if (!b.byteLength) return;
      await fh.write(b, 0, b.byteLength, bytes);
      bytes += b.byteLength;
    };
    await put(Buffer.from(headText('0'.repeat(64)), 'utf8'));
    for (const n of names) {
      let len = 0;
      for (const chunk of chunksOf(sections[n]!)) {
        // The checksum covers the body exactly as stored (sections and their zero padding).
        hash.update(chunk);
        len += chunk.byteLength;
        await put(chunk);
      }
      if (len !== lengthOf(sections[n]!))
        throw new Error(`cache section ${n}: wrote ${len} bytes, announced ${lengthOf(sections[n]!)}`);
      const gap = Buffer.alloc(pad4(len));
      hash.update(gap);
      await put(gap);
    }
    const head = Buffer.from(headText(hash.digest('hex')), 'utf8');
    await fh.write(head, 0, head.byteLength, 0);
    await fh.sync();
    await fh.close();
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fh.close().catch(() => undefined);
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
  return bytes;
}

/**
 * Reads a cache file and checks magic, version, lengths and checksum; anything off is reported, never trusted.
 * Each section is read into its own buffer (the checksum is updated as they arrive), so nothing keeps the
 * whole file alive once the caller has taken what it needs. Synchronous calls: a few milliseconds per 10 MB
 * from the page cache, where waiting for event-loop turns between reads cost more at start-up.
 */
export async function readCacheFile(file: string, version: number): Promise<CacheRead> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'corrupt', reason: (e as Error).message };
  }
  try {
    const size = fs.fstatSync(fd).size;
    const first = Buffer.alloc(Math.min(size, 64 * 1024));
    fs.readSync(fd, first, 0, first.byteLength, 0);
    if (first.subarray(0, MAGIC.length).toString('latin1') !== MAGIC)
      return { kind: 'corrupt', reason: 'not an index cache' };
    const nl = first.indexOf(10, MAGIC.length);
    if (nl < 0) return { kind: 'corrupt', reason: 'truncated header' };
    let header: Header;
    try {
      header = JSON.parse(first.subarray(MAGIC.length, nl).toString('utf8')) as Header;
    } catch {
      return { kind: 'corrupt', reason: 'unreadable header' };
    }
    if (header.version !== version) return { kind: 'version', found: header.version };
    if (
      !Array.isArray(header.sections) ||
      typeof header.sha256 !== 'string' ||
      header.sections.some(
        (x) => !Array.isArray(x) || typeof x[0] !== 'string' || !Number.isSafeInteger(x[1]) || x[1] < 0,
      )
    )
      return { kind: 'corrupt', reason: 'bad header' };
    const expected = header.sections.reduce((a, [, len]) => a + len + pad4(len), 0);
    if (size - nl - 1 !== expected) return { kind: 'corrupt', reason: `length ${size - nl - 1}, expected ${expected}` };
    const hash = createHash('sha256');
    const sections: Record<string, Buffer> = {};
    let at = nl + 1;
    for (const [name, len] of header.sections) {
      // Its own ArrayBuffer, so integer sections can be viewed in place (offset 0 is aligned).
      const buf = Buffer.from(new ArrayBuffer(len + pad4(len)));
      let got = 0;
      while (got < buf.byteLength) {
        const n = fs.readSync(fd, buf, got, buf.byteLength - got, at + got);
        if (n === 0) return { kind: 'corrupt', reason: 'truncated' };
        got += n;
      }
      hash.update(buf);
      for (let k = len; k < buf.byteLength; k++) if (buf[k] !== 0) return { kind: 'corrupt', reason: 'bad padding' };
      sections[name] = buf.subarray(0, len);
      at += buf.byteLength;
    }
    if (hash.digest('hex') !== header.sha256) return { kind: 'corrupt', reason: 'checksum mismatch' };
    return { kind: 'ok', sections, bytes: size };
  } finally {
    fs.closeSync(fd);
  }
}
