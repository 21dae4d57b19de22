import crypto from 'node:crypto';
import type { HistoryRepo } from './repo';

/** The git id of a blob with this content. */
export function blobId(data: Buffer): string {
  return crypto.createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}

/** The fast-import stream that stores these blobs: `blob`, `data <n>`, the bytes, for each; `done` at the end. */
export function fastImportStream(blobs: ReadonlyArray<Buffer>): Buffer {
  const parts: Buffer[] = [];
  for (const b of blobs) parts.push(Buffer.from(`blob\ndata ${b.length}\n`, 'latin1'), b, NEWLINE);
  parts.push(DONE);
  return Buffer.concat(parts);
}
const NEWLINE = Buffer.from('\n');
const DONE = Buffer.from('done\n');

/**
 * Stores blobs and resolves to their ids, in order, with one `git fast-import` through the git choke point: git
 * writes one pack (never a loose object file per blob), compresses in its own process, and skips objects already
 * packed (an import of nothing new leaves no pack behind), so no existence check is needed first. The ids are
 * computed here (SHA-1: the store is made so by ensureHistoryRepo); fast-import stores exactly those objects.
 */
export async function writeBlobs(repo: HistoryRepo, blobs: ReadonlyArray<Buffer>): Promise<string[]> {
  const ids = blobs.map(blobId);
  if (!ids.length) return ids;
  const seen = new Set<string>();
  const todo = blobs.filter((_, i) => !seen.has(ids[i]!) && seen.add(ids[i]!));
  // unpackLimit 0: a few blobs go into a pack too (git's default unpacks fewer than 100 into loose files).
  await repo.run(['-c', 'fastimport.unpackLimit=0', 'fast-import', '--quiet', '--done', '--depth=0'], {
    input: fastImportStream(todo),
    operation: 'history write objects',
  });
  return ids;
}
