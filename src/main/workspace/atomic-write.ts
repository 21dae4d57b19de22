import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { failpoint } from '../failpoints';

/** Runs writes of one file in call order, as write-file-atomic did (the last call's bytes win). */
const queues = new Map<string, Promise<unknown>>();
function serialized<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const key = path.resolve(file);
  const next = (queues.get(key) ?? Promise.resolve()).then(fn, fn);
  const tail = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, tail);
  void tail.then(() => queues.get(key) === tail && queues.delete(key));
  return next;
}

/** Where a write lands (through a symlink, as before) and the mode it keeps (an existing file's, unless given). */
function targetOf(st: fs.Stats | undefined, mode: number | undefined) {
  return { mode: mode ?? (st ? st.mode & 0o7777 : undefined), owner: st && process.getuid?.() === 0 ? st : undefined };
}

/**
 * Writes a file so that readers see either the old or the new content, never a part:
 * a temp file in the same folder, fsync, then rename over the target. Failpoints before the write, after it,
 * after the fsync and after the rename (atomic-write:*).
 */
export async function writeAtomic(
  file: string,
  data: string | Buffer,
  opts: { mode?: number; fsync?: boolean } = {},
): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  failpoint('atomic-write:before-write');
  await serialized(file, async () => {
    const real = await fs.promises.realpath(file).catch(() => file);
    const stats = await fs.promises.stat(real).catch(() => undefined);
    const { mode, owner } = targetOf(stats, opts.mode);
    const tmp = tempNameFor(real);
    try {
      const fh = await fs.promises.open(tmp, 'wx', mode ?? 0o666);
      try {
        await fh.writeFile(data);
        failpoint('atomic-write:after-write');
        if (opts.fsync ?? true) {
          await fh.sync();
          failpoint('atomic-write:after-fsync');
        }
        if (mode !== undefined) await fh.chmod(mode);
        if (owner) await fh.chown(owner.uid, owner.gid).catch(() => undefined);
      } finally {
        await fh.close();
      }
      await fs.promises.rename(tmp, real);
    } catch (e) {
      await fs.promises.rm(tmp, { force: true });
      throw toWriteError(e, file);
    }
  });
  failpoint('atomic-write:after-rename');
}

/** The synchronous {@link writeAtomic} (always fsynced), with the same failpoints. */
export function writeAtomicSync(file: string, data: string | Buffer, opts: { mode?: number } = {}): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  failpoint('atomic-write:before-write');
  let real = file;
  try {
    real = fs.realpathSync(file);
  } catch {
    // Not there yet.
  }
  const { mode, owner } = targetOf(fs.statSync(real, { throwIfNoEntry: false }), opts.mode);
  const tmp = tempNameFor(real);
  try {
    const fd = fs.openSync(tmp, 'wx', mode ?? 0o666);
    try {
      fs.writeFileSync(fd, data);
      failpoint('atomic-write:after-write');
      fs.fsyncSync(fd);
      failpoint('atomic-write:after-fsync');
      if (mode !== undefined) fs.fchmodSync(fd, mode);
      if (owner) {
        try {
          fs.fchownSync(fd, owner.uid, owner.gid);
        } catch {
          // As in write-file-atomic: keeping the owner is best effort.
        }
      }
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, real);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw toWriteError(e, file);
  }
  failpoint('atomic-write:after-rename');
}

let tmpCounter = 0;

/** `FILE.<pid>.<n>.tmp`: unique in this process, and recognised by {@link isAtomicWriteTemp} after a kill. */
const tempNameFor = (file: string) => `${file}.${process.pid}.${(tmpCounter++).toString(36)}.tmp`;

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
  const tmp = tempNameFor(file);
  try {
    failpoint('atomic-write-new:before-write');
    fs.writeFileSync(tmp, data, { flag: 'wx', ...(opts.mode !== undefined ? { mode: opts.mode } : {}) });
    failpoint('atomic-write-new:after-write');
    fs.renameSync(tmp, file);
    failpoint('atomic-write-new:after-rename');
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

function toWriteError(e: unknown, file: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError(
      'DISK_FULL',
      `The disk is full: could not write ${file}.`,
      'Free some disk space and try again; nothing was changed.',
      { file },
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError(
      'FORBIDDEN',
      `No permission to write ${file}.`,
      'Check the folder permissions (or run `ai-config doctor --fix`).',
      { file },
    );
  }
  return e;
}
