import fs from 'node:fs';
import path from 'node:path';
import { notAFile, notAFolder, symlinkRefused } from './errors';
import { replaceFile, replaceFileSync, type ReplaceOptions } from './atomic';
import { isInsideDir, resolveInRoot, type Resolved } from './resolve';
import type { FsRoot } from './root';

/** Creates `dir` (one component, its parent already checked); an entry already there must be a real folder. */
function makeDir(root: FsRoot, dir: string): void {
  try {
    fs.mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const st = fs.lstatSync(dir);
    if (st.isSymbolicLink()) throw symlinkRefused(root, dir, fs.readlinkSync(dir));
    if (!st.isDirectory()) throw notAFolder(dir);
  }
}

/**
 * Checks a write of `target` and creates its missing folders one at a time (each checked), so nothing is
 * written through a symlink. Returns where to write: the real path (an allowed link's target).
 */
function prepareWrite(root: FsRoot, target: string): Resolved {
  fs.mkdirSync(root.dir, { recursive: true });
  const r = resolveInRoot(root, target);
  if (r.notDir) throw notAFolder(r.notDir);
  for (const d of r.missingDirs) makeDir(root, d);
  if (r.stat && !r.stat.isFile()) throw notAFile(r.lexical);
  return r;
}

/**
 * Writes `data` to `target` inside `root` atomically (temp file + fsync + rename in the same real folder), creating
 * missing folders. Never writes through a symlink (SYMLINK_REFUSED names it), unless the root allows that link:
 * then the link's target is replaced and the link kept. Returns the real path written.
 */
export async function writeInRoot(
  root: FsRoot,
  target: string,
  data: string | Buffer,
  opts: ReplaceOptions = {},
): Promise<string> {
  const r = prepareWrite(root, target);
  await replaceFile(r.real, data, opts);
  return r.real;
}

/** {@link writeInRoot}, synchronously. */
export function writeInRootSync(
  root: FsRoot,
  target: string,
  data: string | Buffer,
  opts: ReplaceOptions = {},
): string {
  const r = prepareWrite(root, target);
  replaceFileSync(r.real, data, opts);
  return r.real;
}

/** Creates the folder `target` inside `root` (and the missing ones above it), refusing any symlink on the way. */
export function mkdirInRoot(root: FsRoot, target: string): void {
  fs.mkdirSync(root.dir, { recursive: true });
  const r = resolveInRoot(root, target);
  if (r.notDir) throw notAFolder(r.notDir);
  for (const d of [...r.missingDirs, ...(r.stat ? [] : [r.real])]) makeDir(root, d);
  if (r.stat && !r.stat.isDirectory()) throw notAFolder(r.lexical);
}

/**
 * Deletes the file `target` inside `root` if it is there. Refuses a symlink on the way or at the end (an allowed
 * link: its target is deleted, the link kept); never removes a folder.
 */
export async function removeInRoot(root: FsRoot, target: string): Promise<void> {
  const r = resolveInRoot(root, target);
  if (!r.stat) return;
  if (!r.stat.isFile()) throw notAFile(r.lexical);
  await fs.promises.rm(r.real, { force: true });
}

/**
 * Removes the entry at `target` (a file, or a symlink itself: unlink never follows it) if it is there, refusing a
 * symlink above it. For restores that put a tracked link back or take one away; never removes a folder.
 */
export async function unlinkInRoot(root: FsRoot, target: string): Promise<void> {
  const parent = path.dirname(path.resolve(root.dir, target));
  const dir =
    isInsideDir(root.dir, parent) && path.resolve(root.dir) !== parent ? resolveInRoot(root, parent) : undefined;
  if (dir && !dir.stat) return;
  if (dir && !dir.stat!.isDirectory()) return;
  const real = path.join(dir ? dir.real : realDir(root.dir), path.basename(target));
  const st = fs.lstatSync(real, { throwIfNoEntry: false });
  if (!st) return;
  if (st.isDirectory()) throw notAFile(path.resolve(root.dir, target));
  await fs.promises.rm(real, { force: true });
}

/**
 * Creates the symlink `target -> linkText` inside `root` (history restores of a tracked personal link): folders above
 * it checked and created, then a temp link renamed over the entry, so nothing is written through an existing link.
 */
export async function symlinkInRoot(root: FsRoot, target: string, linkText: string): Promise<void> {
  const abs = path.resolve(root.dir, target);
  const parent = path.dirname(abs);
  if (path.resolve(root.dir) !== parent) mkdirInRoot(root, parent);
  const dir = path.resolve(root.dir) === parent ? realDir(root.dir) : resolveInRoot(root, parent).real;
  const real = path.join(dir, path.basename(abs));
  if (fs.lstatSync(real, { throwIfNoEntry: false })?.isDirectory()) throw notAFile(abs);
  const tmp = `${real}.${process.pid}.link.tmp`;
  await fs.promises.rm(tmp, { force: true });
  await fs.promises.symlink(linkText, tmp);
  try {
    await fs.promises.rename(tmp, real);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
}

function realDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  return fs.realpathSync(dir);
}

/**
 * Removes the folder `target` inside `root` if it is there and empty: rmdir only (never recursive), never the root
 * itself, never a symlink or a folder reached through one (even an allowed one). True when it was removed; false
 * (never an error) when it holds something, is gone, or is refused.
 */
export function removeEmptyDirInRoot(root: FsRoot, target: string): boolean {
  let r: Resolved;
  try {
    r = resolveInRoot({ ...root, allowSymlinks: [] }, target);
  } catch {
    return false;
  }
  if (!r.stat?.isDirectory()) return false;
  try {
    fs.rmdirSync(r.real);
    return true;
  } catch {
    return false;
  }
}
