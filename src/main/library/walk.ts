import fs from 'node:fs';
import path from 'node:path';
import type { SkipReason } from '../../shared/library';
import { ignoreMatcher, type IgnoreMatcher } from './ignore-patterns';
import { isLibraryFile } from './kind';
import { IN_SKILL, inToolArea, TOOL_DIRS, TOOL_FILES, toolKindOf } from './tool-folders';

export interface WalkedFile {
  /** Relative path with forward slashes. */
  readonly rel: string;
  readonly abs: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** A listed file: its relative path (forward slashes), size and mtime. */
export interface WalkEntry {
  readonly rel: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface WalkOptions {
  /** The source's ignore list (gitignore-like patterns, see ignore-patterns.ts). */
  readonly ignore?: ReadonlyArray<string>;
  /** Whether the known tool folders (`.cursor/`, `.claude/`...) are walked; default true. */
  readonly toolFolders?: boolean;
}

/** What a walk found: the library files, and every file it left out with the reason (path -> reason). */
export interface TreeScan {
  readonly files: WalkEntry[];
  readonly skipped: Map<string, SkipReason>;
}

export const SKIP_DIRS: ReadonlySet<string> = new Set([
  '.git',
  'node_modules',
  '.stversions',
  '.stfolder',
  '.sync',
  '.dropbox.cache',
  '.obsidian',
]);

/** A library file above this size is skipped ("too large"): instructions, not data. */
export const MAX_LIBRARY_FILE_BYTES = 4 * 1024 * 1024;
/** The longest relative path a library file may have (what the IPC path schema accepts). */
export const MAX_PATH_CHARS = 1024;

const YIELD_EVERY = 4000;
const tick = () => new Promise<void>((r) => setImmediate(r));

/**
 * Whether a name is left out without a word: VCS, dependency and sync-tool folders, dot names other than the
 * known tool folders at the top (which covers `.syncthing.*.tmp`, `.~lock.*#`, `.DS_Store`, swap files), Office
 * owner files (`~$name`), editor backups (`name~`) and temp files.
 */
export function isSilentName(name: string, depth: number, dir: boolean | undefined, toolFolders = true): boolean {
  if (SKIP_DIRS.has(name) || name.startsWith('~$') || name.endsWith('~') || name.endsWith('.tmp')) return true;
  if (!name.startsWith('.')) return false;
  // `dir` undefined: either (a symlink, or a watcher event for a path that may be gone).
  const known = (dir !== false && TOOL_DIRS.has(name)) || (dir !== true && TOOL_FILES.has(name));
  return !(toolFolders && depth === 0 && known);
}

/** Whether any segment of a relative path is left out silently (see {@link isSilentName}). */
export function isSilentPath(rel: string, toolFolders = true): boolean {
  const parts = rel.split('/');
  return parts.some((p, i) => isSilentName(p, i, i < parts.length - 1 ? true : undefined, toolFolders));
}

/**
 * A backslash, or a character `hasUnsafeChars` (shared/unsafe-chars.ts) names: control, bidi and invisible
 * formatting characters. One regular expression, tested on every name of a walk; built from code points (a literal
 * with them trips no-control-regex).
 */
const UNSAFE_NAME = new RegExp(
  `[\\\\${String.fromCodePoint(0)}-${String.fromCodePoint(0x1f)}${String.fromCodePoint(0x7f)}-` +
    `${String.fromCodePoint(0x9f)}\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]`,
);

/** Whether a file or folder name is refused by the walk ("invalid name"): a backslash or an unsafe character. */
export function isInvalidName(name: string): boolean {
  return UNSAFE_NAME.test(name);
}

function invalidName(name: string, rel: string): boolean {
  return rel.length > MAX_PATH_CHARS || UNSAFE_NAME.test(name);
}

type EntryType = 'dir' | 'file' | 'link' | 'other';
type Decision = 'walk' | 'walk-ignored' | 'take' | 'silent' | 'link' | SkipReason;

function decide(
  rel: string,
  name: string,
  depth: number,
  type: EntryType,
  ignoredAbove: boolean,
  m: IgnoreMatcher,
  tools: boolean,
): Decision {
  const dir = type === 'dir' ? true : type === 'link' ? undefined : false;
  if (isSilentName(name, depth, dir, tools)) return 'silent';
  if (invalidName(name, rel)) return 'invalid-name';
  if (ignoredAbove || m.matches(rel, type === 'dir')) return type === 'dir' ? 'walk-ignored' : 'ignored-by-pattern';
  if (type === 'dir') return 'walk';
  if (type === 'link') return 'link';
  if (type === 'other') return 'unsupported-type';
  if (inToolArea(rel) ? toolKindOf(rel) : isLibraryFile(name)) return 'take';
  if (IN_SKILL.test(rel)) return 'silent';
  return inToolArea(rel) ? 'not-a-tool-file' : 'unsupported-type';
}

/** Where a symlink points, for the skip reason only (it is never followed). */
function linkReason(abs: string, realRoot: string): SkipReason {
  let target: string;
  try {
    target = fs.realpathSync(abs);
  } catch {
    try {
      target = path.resolve(path.dirname(abs), fs.readlinkSync(abs));
    } catch {
      return 'symlink';
    }
  }
  return target === realRoot || target.startsWith(realRoot + path.sep) ? 'symlink' : 'symlink-outside-root';
}

function realRootOf(root: string): string {
  try {
    return fs.realpathSync(root);
  } catch {
    return path.resolve(root);
  }
}

/** What a folder above a path already known to be real looks like to {@link decide}. */
const DIR_STAT = { isDirectory: () => true, isFile: () => false, isSymbolicLink: () => false } as fs.Stats;

const typeOf = (ent: fs.Dirent | fs.Stats): EntryType =>
  ent.isDirectory() ? 'dir' : ent.isFile() ? 'file' : ent.isSymbolicLink() ? 'link' : 'other';

/**
 * Lists and stats the library files under `relDir` of `root`, and counts what it leaves out and why. Never
 * follows a symlink (Dirent types, lstat). Uses the synchronous calls, several times faster than the promise ones
 * for many small folders, and yields to the event loop every few thousand entries so a large tree never freezes
 * the process.
 */
export async function scanTree(root: string, relDir = '', opts: WalkOptions = {}): Promise<TreeScan> {
  const files: WalkEntry[] = [];
  const skipped = new Map<string, SkipReason>();
  const m = ignoreMatcher(opts.ignore);
  const tools = opts.toolFolders !== false;
  let realRoot: string | undefined;
  const stack: Array<readonly [string, boolean]> = [[relDir, !!relDir && m.ignores(relDir, true)]];
  let since = 0;
  while (stack.length) {
    const [rel, ignoredAbove] = stack.pop()!;
    // Plain concatenation: `path.join` normalizes on every call, a measurable share of a warm start.
    const abs = rel ? root + path.sep + rel : root;
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES') continue;
      throw e;
    }
    const depth = rel ? rel.split('/').length : 0;
    for (const ent of names) {
      const childRel = rel ? `${rel}/${ent.name}` : ent.name;
      const d = decide(childRel, ent.name, depth, typeOf(ent), ignoredAbove, m, tools);
      if (d === 'walk' || d === 'walk-ignored') stack.push([childRel, d === 'walk-ignored']);
      else if (d === 'link')
        skipped.set(childRel, linkReason(abs + path.sep + ent.name, (realRoot ??= realRootOf(root))));
      else if (d === 'take') {
        const st = fs.lstatSync(abs + path.sep + ent.name, { throwIfNoEntry: false });
        if (st?.isFile()) {
          if (st.size > MAX_LIBRARY_FILE_BYTES) skipped.set(childRel, 'too-large');
          else files.push({ rel: childRel, size: st.size, mtimeMs: st.mtimeMs });
        }
      } else if (d !== 'silent') skipped.set(childRel, d);
      if (++since >= YIELD_EVERY) {
        since = 0;
        await tick();
      }
    }
  }
  return { files, skipped };
}

/**
 * One path's standing, as a full walk would decide it: a library file (`entry`), a skipped one (`skip`), or
 * undefined when it is gone, a folder, or left out silently. lstat only: a symlink (or a path below one) is never
 * followed.
 */
export function classifyPath(
  root: string,
  rel: string,
  opts: WalkOptions = {},
  /** The path's own lstat when the caller has it, with every folder above it known to be a real folder. */
  known?: fs.Stats,
): { readonly entry?: WalkEntry; readonly skip?: SkipReason } | undefined {
  const m = ignoreMatcher(opts.ignore);
  const tools = opts.toolFolders !== false;
  const parts = rel.split('/');
  let ignoredAbove = false;
  let abs = root;
  for (let i = 0; i < parts.length; i++) {
    abs += path.sep + parts[i]!;
    const last = i === parts.length - 1;
    const st = known ? (last ? known : DIR_STAT) : fs.lstatSync(abs, { throwIfNoEntry: false });
    if (!st) return undefined;
    const sub = parts.slice(0, i + 1).join('/');
    const d = decide(sub, parts[i]!, i, typeOf(st), ignoredAbove, m, tools);
    if (d === 'silent') return undefined;
    if (d === 'walk-ignored') ignoredAbove = true;
    else if (d === 'walk') continue;
    // Below a symlink, a file or a skipped folder: nothing a full walk would list at this path.
    else if (!last) return undefined;
    else if (d === 'link') return { skip: linkReason(abs, realRootOf(root)) };
    else if (d === 'take') {
      if (st.size > MAX_LIBRARY_FILE_BYTES) return { skip: 'too-large' };
      return { entry: { rel, size: st.size, mtimeMs: st.mtimeMs } };
    } else return { skip: d };
  }
  return undefined;
}

/** Lists the library files under `root` (sorted by path), leaving out what {@link scanTree} skips. */
export async function walkLibrary(root: string, opts: WalkOptions = {}): Promise<WalkedFile[]> {
  const scan = await scanTree(root, '', opts);
  return scan.files
    .map((f) => ({ rel: f.rel, abs: path.join(root, f.rel), size: f.size, mtimeMs: f.mtimeMs }))
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}
