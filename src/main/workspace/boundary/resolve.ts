import fs from 'node:fs';
import path from 'node:path';
import { outsideRoot, symlinkRefused } from './errors';
import { allowsLink, type FsRoot } from './root';

/** A path resolved against its root, every component checked with lstat. */
export interface Resolved {
  /** The path as asked for (root folder + relative path): what messages name. */
  readonly lexical: string;
  /** Where the I/O happens: the real folder of the final component plus its name (an allowed link: its target). */
  readonly real: string;
  /** The final component's lstat (a followed allowed link: its target's stat); undefined when it does not exist. */
  readonly stat: fs.Stats | undefined;
  /** Real paths of the missing folders above the final component, outermost first (a write creates them). */
  readonly missingDirs: ReadonlyArray<string>;
  /** The lexical path of a component that is a file where a folder was expected, if any. */
  readonly notDir?: string;
}

/** The path's components below the root; throws PATH_OUTSIDE_ROOT when it leaves the root (or is the root). */
export function relativeParts(root: FsRoot, target: string): string[] {
  if (target.includes('\0')) throw outsideRoot(root, target);
  let rel: string;
  if (path.isAbsolute(target)) {
    rel = path.relative(root.dir, path.resolve(target));
    if (!isInsideDir(root.dir, target)) {
      const viaReal = path.relative(realOrSelf(root.dir), path.resolve(target));
      if (!leaves(viaReal)) rel = viaReal;
    }
  } else rel = path.normalize(target.split('/').join(path.sep));
  const parts = rel.split(path.sep).filter((p) => p !== '' && p !== '.');
  if (!parts.length || leaves(rel)) throw outsideRoot(root, target);
  return parts;
}

const leaves = (rel: string): boolean => rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel);

function realOrSelf(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir;
  }
}

function readLink(p: string): string {
  try {
    return fs.readlinkSync(p);
  } catch {
    return '(unreadable)';
  }
}

/**
 * Resolves `target` (absolute, or relative to the root with `/` or the platform separator) against `root`:
 * lexically inside it, then component by component with lstat. A symlink anywhere below the root throws
 * SYMLINK_REFUSED (naming the link and its target) unless the root is a tool root that lists it in allowSymlinks.
 */
export function resolveInRoot(root: FsRoot, target: string): Resolved {
  const parts = relativeParts(root, target);
  let lexical = root.dir;
  let cur = realOrSelf(root.dir);
  let missing = false;
  let stat: fs.Stats | undefined;
  let notDir: string | undefined;
  const missingDirs: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const last = i === parts.length - 1;
    lexical = path.join(lexical, parts[i]!);
    const next = path.join(cur, parts[i]!);
    cur = next;
    if (missing) {
      if (!last) missingDirs.push(next);
      continue;
    }
    let st = fs.lstatSync(next, { throwIfNoEntry: false });
    if (st?.isSymbolicLink()) {
      if (!allowsLink(root, lexical)) throw symlinkRefused(root, lexical, readLink(next));
      cur = followAllowed(next);
      st = fs.statSync(cur, { throwIfNoEntry: false });
    }
    if (!st) {
      missing = true;
      if (!last) missingDirs.push(cur);
      continue;
    }
    if (last) stat = st;
    else if (!st.isDirectory()) {
      notDir = lexical;
      missing = true;
    }
  }
  return { lexical, real: cur, stat, missingDirs, ...(notDir ? { notDir } : {}) };
}

/** The real path an allowed link leads to (a dangling one: where its target would be). */
function followAllowed(link: string): string {
  try {
    return fs.realpathSync(link);
  } catch {
    return path.resolve(path.dirname(link), fs.readlinkSync(link));
  }
}

/** Whether `p` is `dir` or below it (lexically). */
export function isInsideDir(dir: string, p: string): boolean {
  return !leaves(path.relative(dir, path.resolve(p)));
}
