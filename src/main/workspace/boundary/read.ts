import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import { fileGone, notAFile, symlinkRefused } from './errors';
import { resolveInRoot } from './resolve';
import { libraryRoot, type FsRoot } from './root';

/** Read-only, never through a link at the final component (the check above it is resolveInRoot's), never blocking. */
const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

const gone = (e: unknown): boolean => {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
};

/** A link that appeared between the check and the open (O_NOFOLLOW fails with ELOOP) is refused like any other. */
function openError(root: FsRoot, lexical: string, e: unknown): unknown {
  if ((e as NodeJS.ErrnoException).code === 'ELOOP') return symlinkRefused(root, lexical, '(replaced while reading)');
  return e;
}

/**
 * The bytes of `target` inside `root`, or undefined when it does not exist. Throws SYMLINK_REFUSED for a
 * symlink anywhere below the root (unless allowed, tool roots only), PATH_OUTSIDE_ROOT for a path that leaves
 * it, INVALID_FILE for a folder, FIFO or device.
 */
export function readInRoot(root: FsRoot, target: string): Buffer | undefined {
  const r = resolveInRoot(root, target);
  if (!r.stat) return undefined;
  if (!r.stat.isFile()) throw notAFile(r.lexical);
  let fd: number;
  try {
    fd = fs.openSync(r.real, READ_FLAGS);
  } catch (e) {
    if (gone(e)) return undefined;
    throw openError(root, r.lexical, e);
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw notAFile(r.lexical);
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** {@link readInRoot} as UTF-8 text. */
export function readTextInRoot(root: FsRoot, target: string): string | undefined {
  return readInRoot(root, target)?.toString('utf8');
}

/** {@link readInRoot} with the read itself off the main thread (previews, bodies read on demand). */
export async function readInRootAsync(root: FsRoot, target: string): Promise<Buffer | undefined> {
  const r = resolveInRoot(root, target);
  if (!r.stat) return undefined;
  if (!r.stat.isFile()) throw notAFile(r.lexical);
  let fh: fs.promises.FileHandle;
  try {
    fh = await fs.promises.open(r.real, READ_FLAGS);
  } catch (e) {
    if (gone(e)) return undefined;
    throw openError(root, r.lexical, e);
  }
  try {
    if (!(await fh.stat()).isFile()) throw notAFile(r.lexical);
    return await fh.readFile();
  } finally {
    await fh.close();
  }
}

/**
 * The lstat of a regular file or folder at `target` inside `root`, or undefined when it is missing, is (or is
 * below) a symlink, or leaves the root. Never throws for those: what the index and the watcher use to agree with
 * the full walk, which skips symlinks.
 */
export function lstatInRoot(root: FsRoot, target: string): fs.Stats | undefined {
  try {
    const r = resolveInRoot({ ...root, allowSymlinks: [] }, target);
    return r.stat?.isFile() || r.stat?.isDirectory() ? r.stat : undefined;
  } catch (e) {
    if (e instanceof AppError) return undefined;
    throw e;
  }
}

/**
 * The text of a file a library walk listed (absolute path and its `/` path below the source root), read through
 * the boundary against that root: a file swapped for a symlink since the walk is SYMLINK_REFUSED, never followed.
 */
export function readWalkedText(abs: string, rel: string): string {
  const dir = abs.slice(0, abs.length - rel.length).replace(/[\\/]+$/, '');
  const text = readTextInRoot(libraryRoot(dir), rel);
  if (text === undefined) throw fileGone(abs);
  return text;
}
