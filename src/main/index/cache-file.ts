import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { writeAtomic } from '../workspace/atomic-write';

const MAGIC = 'AICFG-INDEX\n';

/** Why a cache file was not used; every one of them means "rebuild". */
export type CacheReadFailure = { readonly kind: 'missing' } | { readonly kind: 'corrupt'; readonly reason: string } | { readonly kind: 'version'; readonly found: unknown };

export type CacheRead = { readonly kind: 'ok'; readonly sections: Readonly<Record<string, Buffer>>; readonly bytes: number } | CacheReadFailure;

interface Header {
  readonly version: number;
  readonly sections: ReadonlyArray<readonly [string, number]>;
  readonly sha256: string;
}

/**
 * Writes named binary sections behind a header that carries the format version, each section's length
 * and a SHA-256 of all of them, atomically (temp file + rename).
 */
export async function writeCacheFile(file: string, version: number, sections: Readonly<Record<string, Buffer>>): Promise<number> {
  const names = Object.keys(sections);
  const hash = createHash('sha256');
  for (const n of names) hash.update(sections[n]!);
  const header: Header = { version, sections: names.map((n) => [n, sections[n]!.byteLength] as const), sha256: hash.digest('hex') };
  const data = Buffer.concat([Buffer.from(MAGIC + JSON.stringify(header) + '\n', 'utf8'), ...names.map((n) => sections[n]!)]);
  await writeAtomic(file, data);
  return data.byteLength;
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
  const expected = header.sections.reduce((a, [, len]) => a + len, 0);
  if (body.byteLength !== expected) return { kind: 'corrupt', reason: `length ${body.byteLength}, expected ${expected}` };
  const hash = createHash('sha256');
  const sections: Record<string, Buffer> = {};
  let at = 0;
  for (const [name, len] of header.sections) {
    sections[name] = body.subarray(at, at + len);
    hash.update(sections[name]);
    at += len;
  }
  if (hash.digest('hex') !== header.sha256) return { kind: 'corrupt', reason: 'checksum mismatch' };
  return { kind: 'ok', sections, bytes: data.byteLength };
}
