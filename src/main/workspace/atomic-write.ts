import fs from 'node:fs';
import path from 'node:path';
import { replaceFile, replaceFileSync } from './boundary/atomic';
import { toWriteError } from './write-errors';

/**
 * Writes a file so that readers see either the old or the new content, never a part: a temp file in the same
 * folder, fsync, then rename over the target (boundary/atomic.ts; the rename never writes through a link).
 * For the app's own state; a user-controlled path goes through the boundary's writeInRoot instead.
 */
export async function writeAtomic(
  file: string,
  data: string | Buffer,
  opts: { mode?: number; fsync?: boolean } = {},
): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true }).catch((e: unknown) => {
    throw toWriteError(e, file);
  });
  await replaceFile(file, data, opts);
}

/** {@link writeAtomic}, synchronously. */
export function writeAtomicSync(file: string, data: string | Buffer, opts: { mode?: number } = {}): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (e) {
    throw toWriteError(e, file);
  }
  replaceFileSync(file, data, opts);
}

/**
 * Whether `name` is a temp file that an atomic write of `base` (in the same folder) leaves behind when it is killed
 * before its rename: `BASE.<pid>.<n>.tmp` (boundary/atomic.ts), or `BASE.<number>` from versions that used
 * write-file-atomic.
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
  replaceFileSync(file, data, { ...opts, fsync: false });
}

export async function writeJsonAtomic(file: string, value: unknown, opts: { mode?: number } = {}): Promise<void> {
  await writeAtomic(file, JSON.stringify(value, null, 2) + '\n', opts);
}
