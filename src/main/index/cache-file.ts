import { createHash, webcrypto } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const MAGIC = 'AICFG-INDEX\n';

/** Why a cache file was not used; every one of them means "rebuild". */
export type CacheReadFailure = { readonly kind: 'missing' } | { readonly kind: 'corrupt'; readonly reason: string } | { readonly kind: 'version'; readonly found: unknown };

export type CacheRead = { readonly kind: 'ok'; readonly sections: Readonly<Record<string, Buffer>>; readonly bytes: number } | CacheReadFailure;

interface Header {
  readonly version: number;
  readonly sections: ReadonlyArray<readonly [string, number]>;
  readonly sha256: string;
}

const pad4 = (n: number) => (4 - (n % 4)) % 4;

/**
 * Writes named binary sections behind a header that carries the format version, each section's length
 * and a SHA-256 of all of them. Each section starts on a 4-byte boundary, so a reader can view integer
 * arrays in place. Atomic like writeAtomic (temp file in the same folder, fsync, rename), but streamed
 * section by section: at 100,000 files the cache is ~170 MB and one concatenated copy would double that.
 */
export async function writeCacheFile(file: string, version: number, sections: Readonly<Record<string, Buffer>>): Promise<number> {
  const names = Object.keys(sections);
  // The checksum covers the body exactly as stored (sections and their zero padding), so a reader can
  // hash it in one call off the main thread.
  const hash = createHash('sha256');
  for (const n of names) {
    hash.update(sections[n]!);
    const gap = pad4(sections[n]!.byteLength);
    if (gap) hash.update(Buffer.alloc(gap));
  }
  const header: Header = { version, sections: names.map((n) => [n, sections[n]!.byteLength] as const), sha256: hash.digest('hex') };
  let head = MAGIC + JSON.stringify(header);
  head += ' '.repeat(pad4(Buffer.byteLength(head) + 1)) + '\n';
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const fh = await fs.promises.open(tmp, 'w', 0o600);
  let bytes = 0;
  try {
    const put = async (b: Buffer) => {
      await fh.write(b);
      bytes += b.byteLength;
    };
    await put(Buffer.from(head, 'utf8'));
    for (const n of names) {
      await put(sections[n]!);
      const gap = pad4(sections[n]!.byteLength);
      if (gap) await put(Buffer.alloc(gap));
    }
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

/** Reads a cache file and checks magic, version, lengths and checksum; anything off is reported, never trusted. */
export async function readCacheFile(file: string, version: number): Promise<CacheRead> {
  let data: Buffer;
  try {
    data = await fs.promises.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'corrupt', reason: (e as Error).message };
  }
  if (data.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return { kind: 'corrupt', reason: 'not an index cache' };
  const nl = data.indexOf(10, MAGIC.length);
  if (nl < 0) return { kind: 'corrupt', reason: 'truncated header' };
  let header: Header;
  try {
    header = JSON.parse(data.subarray(MAGIC.length, nl).toString('utf8')) as Header;
  } catch {
    return { kind: 'corrupt', reason: 'unreadable header' };
  }
  if (header.version !== version) return { kind: 'version', found: header.version };
  if (!Array.isArray(header.sections) || typeof header.sha256 !== 'string') return { kind: 'corrupt', reason: 'bad header' };
  const body = data.subarray(nl + 1);
  const expected = header.sections.reduce((a, [, len]) => a + len + pad4(len), 0);
  if (body.byteLength !== expected) return { kind: 'corrupt', reason: `length ${body.byteLength}, expected ${expected}` };
  // SHA-256 in the crypto thread pool: a warm start stats the library on the main thread meanwhile.
  const digest = webcrypto.subtle.digest('SHA-256', body);
  const sections: Record<string, Buffer> = {};
  let at = 0;
  for (const [name, len] of header.sections) {
    sections[name] = body.subarray(at, at + len);
    for (let k = at + len; k < at + len + pad4(len); k++) if (body[k] !== 0) return { kind: 'corrupt', reason: 'bad padding' };
    at += len + pad4(len);
  }
  if (Buffer.from(await digest).toString('hex') !== header.sha256) return { kind: 'corrupt', reason: 'checksum mismatch' };
  return { kind: 'ok', sections, bytes: data.byteLength };
}
