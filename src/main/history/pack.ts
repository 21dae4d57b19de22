import crypto from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { HistoryRepo } from './repo';

const deflate = promisify(zlib.deflate);

/** The git id of a blob with this content. */
export function blobId(data: Buffer): string {
  return crypto.createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}

/**
 * A pack (version 2) holding these blobs whole: header, each object's type-and-size varint and deflated bytes,
 * SHA-1 trailer.
 */
export async function packOf(blobs: ReadonlyArray<Buffer>): Promise<Buffer> {
  // Deflated on the thread pool, several at once: a few megabytes of tool files compress in parallel.
  const deflated = await Promise.all(blobs.map((b) => deflate(b, { level: 1 })));
  const head = Buffer.alloc(12);
  head.write('PACK', 0, 'latin1');
  head.writeUInt32BE(2, 4);
  head.writeUInt32BE(blobs.length, 8);
  const parts: Buffer[] = [head];
  for (const [i, data] of blobs.entries()) {
    const bytes: number[] = [];
    let size = data.length;
    let c = (3 << 4) | (size & 15); // 3 = blob
    size = Math.floor(size / 16);
    while (size > 0) {
      bytes.push(c | 0x80);
      c = size & 0x7f;
      size = Math.floor(size / 128);
    }
    bytes.push(c);
    parts.push(Buffer.from(bytes), deflated[i]!);
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, crypto.createHash('sha1').update(body).digest()]);
}

/**
 * Stores blobs and resolves to their ids, in order. Only the ones the store lacks are written, all in one pack
 * (one file, where `hash-object -w` would create a loose object file per blob); the store is SHA-1 (made so by
 * ensureHistoryRepo).
 */
export async function writeBlobs(repo: HistoryRepo, blobs: ReadonlyArray<Buffer>): Promise<string[]> {
  const ids = blobs.map(blobId);
  if (!ids.length) return ids;
  const check = await repo.run(['cat-file', '--batch-check=%(objectname)'], {
    input: ids.join('\n') + '\n',
    operation: 'history check objects',
  });
  const missing = new Set(
    check.stdout
      .split('\n')
      .filter((l) => l.endsWith(' missing'))
      .map((l) => l.slice(0, 40)),
  );
  if (missing.size) {
    const seen = new Set<string>();
    const todo = blobs.filter((_, i) => missing.has(ids[i]!) && !seen.has(ids[i]!) && seen.add(ids[i]!));
    await repo.run(['index-pack', '--stdin'], { input: await packOf(todo), operation: 'history write objects' });
  }
  return ids;
}
