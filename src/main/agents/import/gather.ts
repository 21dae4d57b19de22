import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { VENDOR_DIRS } from '../../../shared/import-target';
import { isInsideDir, lstatInRoot, readInRoot, readTextInRoot, toolRoot, type FsRoot } from '../../workspace/boundary';
import type { InstallRecord } from '../model';
import { hasNul } from '../binary-content';
import type { ImportInput, ImportIo } from './convert';
import { IGNORE_FILE_NAMES, IMPORT_DIRS } from './detect';
import { realOrSelf, walkImportTree, type WalkEntry } from './walk';

/** One file an import looked at: an input for the converter, or skipped before conversion with a reason. */
export interface Looked {
  readonly rel: string;
  readonly input?: ImportInput;
  readonly reason?: string;
}

/** What a folder walk (or a set of dropped files) handed to the import. */
export interface Gathered {
  /** Every candidate file, in walk order. */
  readonly looked: ReadonlyArray<Looked>;
  readonly warnings: ReadonlyArray<string>;
  /** Files that are no candidate (not a tool config type, not in a skill folder): counted, not listed. */
  readonly otherFiles: number;
}

/** Limits of one import: more is refused with a warning, never silently. */
export interface ImportLimits {
  /** Candidate files looked at. */
  readonly files: number;
  /** Files and folders the walk visits. */
  readonly entries: number;
  /** Folders deep below the root. */
  readonly depth: number;
  /** Bytes of one file. */
  readonly bytes: number;
}

export const IMPORT_LIMITS: ImportLimits = { files: 5000, entries: 200_000, depth: 24, bytes: 2 * 1024 * 1024 };

const CANDIDATE_EXT = /\.(md|mdc|json|jsonc|toml|ya?ml)$/i;
const CANDIDATE_NAMES = new Set(['.cursorrules', '.windsurfrules', '.clinerules', ...IGNORE_FILE_NAMES]);

/** Whether a file name is one an import reads (a tool config type); every file of a skill folder is read too. */
export function isCandidateName(name: string): boolean {
  return CANDIDATE_EXT.test(name) || CANDIDATE_NAMES.has(name);
}

/** Bytes that are not text: binary as the install plan judges it (a NUL in the first 8 KB), or invalid UTF-8. */
export function isBinary(buf: Buffer): boolean {
  return hasNul(buf) || !isUtf8(buf);
}

/** The boundary root an import of `target` reads in: the folder itself, or a file's folder. */
export function importRootFor(target: string, allowSymlinks: ReadonlyArray<string> = []): FsRoot {
  const st = fs.statSync(target, { throwIfNoEntry: false });
  return toolRoot(st?.isFile() ? path.dirname(target) : target, allowSymlinks);
}

/** A file's text through the boundary, or undefined when it is missing, a refused symlink, or outside the root. */
export function readImported(root: FsRoot, abs: string): string | undefined {
  try {
    return readTextInRoot(root, abs);
  } catch (e) {
    if (e instanceof AppError) return undefined;
    throw e;
  }
}

/** How the converter reads around its inputs: files and folders inside the import root only. */
export function importIo(root: FsRoot): ImportIo {
  return {
    readFile: (abs) => readImported(root, abs),
    listDir(abs) {
      const isRoot = path.resolve(abs) === root.dir;
      if (!isRoot && !lstatInRoot(root, abs)?.isDirectory()) return undefined;
      try {
        return fs.readdirSync(abs).sort();
      } catch {
        return undefined;
      }
    },
  };
}

function notFound(target: string): AppError {
  return new AppError(
    'NOT_FOUND',
    `${target} does not exist.`,
    'Point the import at a project folder, your home folder, a tool file or a Git URL.',
  );
}

const megabytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

const errText = (e: unknown): string =>
  e instanceof AppError ? e.message : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);

/** Reads one walked file (by its real path for an in-root link), or says why it was not. */
function readEntry(root: FsRoot, e: WalkEntry, rel: string, inSkill: boolean, maxBytes: number): Looked {
  const tooBig = { rel, reason: `larger than ${megabytes(maxBytes)}: not imported` };
  let buf: Buffer | undefined;
  try {
    // The size first: a huge file is refused without being read into memory.
    if ((e.size ?? lstatInRoot(root, e.real)?.size ?? 0) > maxBytes) return tooBig;
    buf = readInRoot(root, e.real);
  } catch (err) {
    return { rel, reason: `unreadable: ${errText(err)}` };
  }
  if (buf === undefined) return { rel, reason: 'unreadable: it vanished while the import read the folder' };
  if (buf.length > maxBytes) return tooBig;
  const exec = e.executable ? { executable: true as const } : {};
  // A skill is a folder: its images, fonts and compiled helpers are part of it, carried byte for byte.
  if (isBinary(buf)) return inSkill ? { rel, input: { rel, text: '', bytes: buf, abs: e.real, ...exec } } : binary(rel);
  return {
    rel,
    input: { rel, text: buf.toString('utf8'), abs: e.real, ...exec },
  };
}

const binary = (rel: string): Looked => ({ rel, reason: 'binary file: not imported' });

/**
 * The candidate files under a folder, recursively (see walk.ts), or the one file given, read through the boundary
 * against `root` (see importRootFor). A symlink inside the root is read once, by its real path; one out of it never.
 * For the user's home folder only its root files and the tools' own folders are walked.
 */
export function gatherInputs(
  target: string,
  root: FsRoot = importRootFor(target),
  opts: { homeDir?: string; limits?: Partial<ImportLimits> } = {},
): Gathered {
  const limits = { ...IMPORT_LIMITS, ...opts.limits };
  const st = fs.statSync(target, { throwIfNoEntry: false });
  if (!st) throw notFound(target);
  if (st.isFile()) {
    const rel = path.basename(target);
    const real = fs.realpathSync(target);
    if (!isInsideDir(realOrSelf(root.dir), real))
      return { looked: [{ rel, reason: 'symlink to outside the import folder' }], warnings: [], otherFiles: 0 };
    const entry: WalkEntry = { rel, real, inSkill: false, size: st.size };
    return { looked: [readEntry(root, entry, rel, false, limits.bytes)], warnings: [], otherFiles: 0 };
  }
  const home = opts.homeDir && path.resolve(opts.homeDir) === path.resolve(target);
  const walk = walkImportTree(root, {
    isCandidate: isCandidateName,
    vendorDirs: VENDOR_DIRS,
    limits,
    ...(home ? { onlyDirs: IMPORT_DIRS } : {}),
  });
  const warnings = [...walk.warnings];
  const looked: Looked[] = [];
  // A file seen as itself wins; then the first link to it. Others are "same file as".
  const claimed = new Map<string, string>();
  for (const e of walk.entries) if (!e.link && e.realRel) claimed.set(e.realRel, e.rel);
  let big = 0;
  for (const e of walk.entries) {
    if (e.skip) {
      looked.push({ rel: e.rel, reason: e.skip });
      continue;
    }
    if (e.link && e.realRel) {
      const first = claimed.get(e.realRel);
      if (first !== undefined) {
        const why = first === e.realRel ? `same file as ${first}` : `same file as ${first} (both link to ${e.realRel})`;
        looked.push({ rel: e.rel, reason: why });
        continue;
      }
      claimed.set(e.realRel, e.rel);
    }
    const l = readEntry(root, e, e.rel, e.inSkill, limits.bytes);
    if (l.reason?.startsWith('larger than')) big++;
    looked.push(l);
    if (looked.length >= limits.files && walk.entries.length > looked.length) {
      warnings.push(`More than ${limits.files} files to look at: the rest was not imported.`);
      break;
    }
  }
  if (big) warnings.push(`${big} file(s) larger than ${megabytes(limits.bytes)} were not imported.`);
  return { looked, warnings, otherFiles: walk.otherFiles };
}

/**
 * Dropped files: each file dropped by itself, and each candidate (or skill file) of a dropped folder, is looked at;
 * the other files of a dropped folder are counted.
 */
export function gatherDropped(files: ReadonlyArray<{ readonly name: string; readonly content: string }>): Gathered {
  const rels = files.map((f) => f.name.replace(/\\/g, '/').replace(/^(\.\/)+/, ''));
  const skillDirs = new Set(
    rels.filter((r) => r === 'SKILL.md' || r.endsWith('/SKILL.md')).map((r) => r.slice(0, -'SKILL.md'.length)),
  );
  const inSkill = (r: string) => [...skillDirs].some((d) => r.startsWith(d));
  const looked: Looked[] = [];
  let otherFiles = 0;
  const seen = new Set<string>();
  files.forEach((f, i) => {
    const rel = rels[i]!;
    const name = rel.split('/').pop() ?? rel;
    if (rel.split('/').some((p) => VENDOR_DIRS.has(p))) return;
    // A file dropped by itself is looked at whatever its name, like a single file given to the CLI.
    if (rel.includes('/') && !isCandidateName(name) && !inSkill(rel)) {
      otherFiles++;
      return;
    }
    if (seen.has(rel)) looked.push({ rel, reason: `same file as ${rel} (dropped twice)` });
    else if (f.content.includes('\0'))
      looked.push({
        rel,
        // The window hands dropped files over as text: a binary one lost its bytes on the way.
        reason: inSkill(rel)
          ? 'binary file in a dropped skill: not imported (enter its folder and press Preview import instead)'
          : 'binary file: not imported',
      });
    else looked.push({ rel, input: { rel, text: f.content } });
    seen.add(rel);
  });
  return { looked, warnings: [], otherFiles };
}

/**
 * Removes what AI Configurator installed itself (whole files, JSON keys, TOML blocks) so an import
 * brings in only what the user wrote. Returns the inputs that still hold something.
 */
export function withoutOurs(
  inputs: ReadonlyArray<ImportInput>,
  installs: ReadonlyArray<InstallRecord>,
): { inputs: ImportInput[]; ours: string[] } {
  const items = installs.flatMap((r) => r.items);
  const ours: string[] = [];
  const kept: ImportInput[] = [];
  for (const input of inputs) {
    const mine = items.filter((i) => input.abs && path.resolve(i.path) === path.resolve(input.abs));
    if (mine.some((i) => i.kind === 'file')) {
      ours.push(input.rel);
      continue;
    }
    if (input.bytes) {
      kept.push(input);
      continue;
    }
    let text = input.text;
    const keys = mine.filter((i) => i.kind === 'json-key');
    if (keys.length) {
      try {
        const j = JSON.parse(text) as Record<string, Record<string, unknown>>;
        for (const k of keys) if (j[k.parent]) delete j[k.parent]![k.id];
        text = JSON.stringify(j);
      } catch {
        // Unreadable JSON is reported by the converter.
      }
    }
    text = text.replace(/# ai-configurator:begin (\S+)\n[\s\S]*?# ai-configurator:end \1\n?/g, '');
    kept.push({ ...input, text });
  }
  return { inputs: kept, ours };
}
