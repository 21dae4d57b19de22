import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { toWriteError } from './write-errors';

/**
 * Writes a file so that readers see either the old or the new content, never a part:
 * a temp file in the same folder, fsync, then rename over the target.
 */
export async function writeAtomic(
  file: string,
  data: string | Buffer,
  opts: { mode?: number; fsync?: boolean } = {},
): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFileAtomic(file, data, {
      fsync: opts.fsync ?? true,
      ...(opts.mode !== undefined ? { mode: opts.mode } : {}),
    });
  } catch (e) {
    throw toWriteError(e, file);
  }
}

export function writeAtomicSync(file: string, data: string | Buffer, opts: { mode?: number } = {}): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileAtomic.sync(file, data, { fsync: true, ...(opts.mode !== undefined ? { mode: opts.mode } : {}) });
  } catch (e) {
    throw toWriteError(e, file);
  }
}

let tmpCounter = 0;

/**
 * Whether `name` is a temp file that an atomic write of `base` (in the same folder) leaves behind when it is killed
 * before its rename: write-file-atomic's `BASE.<number>` or writeNewAtomicSync's `BASE.<pid>.<n>.tmp`.
 */
export function isAtomicWriteTemp(base: string, name: string): boolean {
  if (!name.startsWith(`${base}.`)) return false;
  return /^(\d+|\d+\.[0-9a-z]+\.tmp)$/.test(name.slice(base.length + 1));
}

/**
 * An atomic write for a file that does not exist yet, synchronously: a temp file beside it (exclusive create),
 * then a rename, so a reader never sees a half-written file. No fsync (there is no old content to lose) and no
 * folder creation (the caller makes each folder once). For batches of small new files, where a thread-pool round
 * trip per step costs more than the write itself.
 */
export function writeNewAtomicSync(file: string, data: string | Buffer, opts: { mode?: number } = {}): void {
  const tmp = `${file}.${process.pid}.${(tmpCounter++).toString(36)}.tmp`;
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx', ...(opts.mode !== undefined ? { mode: opts.mode } : {}) });
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // It was never created, or the rename already moved it.
    }
    throw toWriteError(e, file);
  }
}

export async function writeJsonAtomic(file: string, value: unknown, opts: { mode?: number } = {}): Promise<void> {
  await writeAtomic(file, JSON.stringify(value, null, 2) + '\n', opts);
}
