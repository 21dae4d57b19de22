import fs from 'node:fs';
import { failpoint } from '../../failpoints';
import { toWriteError } from '../write-errors';

export { toWriteError };

let tmpCounter = 0;

/** The temp file an atomic write of `file` uses: `BASE.<pid>.<n>.tmp` beside it (see isAtomicWriteTemp). */
function tempFor(file: string): string {
  return `${file}.${process.pid}.${(tmpCounter++).toString(36)}.tmp`;
}

/** Whether `name` is a temp file a boundary write (or link restore) killed before its rename leaves behind. */
export function isBoundaryTemp(name: string): boolean {
  return /\.\d+\.(?:[0-9a-z]+|link)\.tmp$/.test(name);
}

/** Exclusive create that never follows a symlink (a planted link at the temp name fails the open). */
const TEMP_FLAGS = fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY | (fs.constants.O_NOFOLLOW ?? 0);

export interface ReplaceOptions {
  /** The new file's mode; by default the replaced file's mode (a new file: 0o666 minus the umask). */
  readonly mode?: number;
  /** fsync the temp file before the rename (default true) so the old content can never be lost. */
  readonly fsync?: boolean;
}

/** The mode to give the new file: the one asked for, else the old regular file's (never a link's target). */
function modeFor(file: string, opts: ReplaceOptions): number | undefined {
  if (opts.mode !== undefined) return opts.mode;
  const st = fs.lstatSync(file, { throwIfNoEntry: false });
  return st?.isFile() ? st.mode & 0o7777 : undefined;
}

/**
 * Replaces `file` atomically: readers see the old or the new content, never a part. A temp file in the same
 * folder (exclusive create, O_NOFOLLOW), write, fsync, rename. The rename replaces whatever entry is at `file`
 * (it never writes through a symlink there); callers that must not replace a link check first (write.ts).
 * ENOSPC/EDQUOT become DISK_FULL, EACCES/EPERM/EROFS become FORBIDDEN.
 */
export async function replaceFile(file: string, data: string | Buffer, opts: ReplaceOptions = {}): Promise<void> {
  const tmp = tempFor(file);
  const mode = modeFor(file, opts);
  let fh: fs.promises.FileHandle | undefined;
  try {
    failpoint('atomic-write:before-write');
    fh = await fs.promises.open(tmp, TEMP_FLAGS, mode ?? 0o666);
    await fh.writeFile(data);
    failpoint('atomic-write:after-write');
    if (opts.fsync ?? true) {
      await fh.sync();
      failpoint('atomic-write:after-fsync');
    }
    if (mode !== undefined) await fh.chmod(mode);
    await fh.close();
    fh = undefined;
    await fs.promises.rename(tmp, file);
    failpoint('atomic-write:after-rename');
  } catch (e) {
    await fh?.close().catch(() => undefined);
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw toWriteError(e, file);
  }
}

/** {@link replaceFile}, synchronously (batches of small files, and code that cannot await). */
export function replaceFileSync(file: string, data: string | Buffer, opts: ReplaceOptions = {}): void {
  const tmp = tempFor(file);
  const mode = modeFor(file, opts);
  let fd: number | undefined;
  try {
    failpoint('atomic-write:before-write');
    fd = fs.openSync(tmp, TEMP_FLAGS, mode ?? 0o666);
    fs.writeFileSync(fd, data);
    failpoint('atomic-write:after-write');
    if (opts.fsync ?? true) {
      fs.fsyncSync(fd);
      failpoint('atomic-write:after-fsync');
    }
    if (mode !== undefined) fs.fchmodSync(fd, mode);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, file);
    failpoint('atomic-write:after-rename');
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw toWriteError(e, file);
  }
}
