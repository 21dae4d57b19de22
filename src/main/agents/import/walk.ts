import fs from 'node:fs';
import path from 'node:path';
import { isInsideDir, lstatInRoot, type FsRoot } from '../../workspace/boundary';

/** One candidate file a walk found, in walk order. */
export interface WalkEntry {
  /** Path below the import root, "/" separators (a link: the link's own path). */
  readonly rel: string;
  /** Where to read it: the file itself, or the real path a link inside the root leads to. */
  readonly real: string;
  /** The real file below the root's real path ("/" separators); absent for skipped links. */
  readonly realRel?: string;
  readonly link?: boolean;
  /** Inside a folder that holds a SKILL.md. */
  readonly inSkill: boolean;
  readonly size?: number;
  /** A file of a skill folder with an execute bit (lstat mode; a link: its target's mode). */
  readonly executable?: true;
  /** Why it is not read at all (a symlink out of the root, a broken link, not a regular file). */
  readonly skip?: string;
}

export interface WalkOptions {
  readonly isCandidate: (name: string) => boolean;
  readonly vendorDirs: ReadonlySet<string>;
  readonly limits: { readonly entries: number; readonly depth: number };
  /** Walk only the root's files and these folders (and what is below them): the user's home folder. */
  readonly onlyDirs?: ReadonlyArray<string>;
}

export interface WalkResult {
  readonly entries: WalkEntry[];
  readonly warnings: string[];
  readonly otherFiles: number;
}

/** A path's real path, or the path itself when it cannot be resolved. */
export const realOrSelf = (p: string): string => {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
};

/** Only a skill's files keep their mode (scripts); other configs are data. */
const execBit = (inSkill: boolean, mode: number | undefined): { executable?: true } =>
  inSkill && mode !== undefined && (mode & 0o111) !== 0 ? { executable: true } : {};
const skillMode = (abs: string, inSkill: boolean): number | undefined =>
  inSkill ? fs.lstatSync(abs, { throwIfNoEntry: false })?.mode : undefined;

const byName = (a: fs.Dirent, b: fs.Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Walks an import root depth-first in name order, never into a symlinked folder and never into `vendorDirs`.
 * Folders are checked against the boundary (lstatInRoot) before they are listed. A symlink is resolved to its real
 * path only to say where it leads: inside the root it is a candidate read by that real path, outside it never read.
 */
export function walkImportTree(root: FsRoot, opts: WalkOptions): WalkResult {
  const rootReal = realOrSelf(root.dir);
  const entries: WalkEntry[] = [];
  const warnings: string[] = [];
  let otherFiles = 0;
  let seen = 0;
  let stopped = false;
  const allowedDir = (rel: string): boolean =>
    !opts.onlyDirs || opts.onlyDirs.some((d) => d === rel || d.startsWith(`${rel}/`) || rel.startsWith(`${d}/`));
  const filesHere = (relDir: string): boolean =>
    !opts.onlyDirs || relDir === '' || opts.onlyDirs.some((d) => relDir === d || relDir.startsWith(`${d}/`));

  const linkEntry = (abs: string, rel: string, inSkill: boolean, candidate: boolean): void => {
    let real: string;
    try {
      real = fs.realpathSync(abs);
    } catch {
      if (candidate) entries.push({ rel, real: abs, link: true, inSkill, skip: 'broken symlink: not imported' });
      return;
    }
    if (real === rootReal || !isInsideDir(rootReal, real)) {
      entries.push({ rel, real: abs, link: true, inSkill, skip: 'symlink to outside the import folder' });
      return;
    }
    const st = fs.statSync(real, { throwIfNoEntry: false });
    // A link to a folder inside the root: that folder is walked where it really is.
    if (!st?.isFile()) return;
    const realRel = path.relative(rootReal, real).split(path.sep).join('/');
    if (!candidate && !opts.isCandidate(path.basename(real))) {
      otherFiles++;
      return;
    }
    entries.push({ rel, real, realRel, link: true, inSkill, size: st.size, ...execBit(inSkill, st.mode) });
  };

  const walk = (abs: string, relDir: string, depth: number, parentSkill: boolean): void => {
    if (relDir && !lstatInRoot(root, abs)?.isDirectory()) return;
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(abs, { withFileTypes: true }).sort(byName);
    } catch (e) {
      warnings.push(
        `${relDir || '.'}: the folder could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
      );
      return;
    }
    const inSkill = parentSkill || dirents.some((d) => d.name === 'SKILL.md' && d.isFile());
    for (const d of dirents) {
      if (stopped) return;
      if (++seen > opts.limits.entries) {
        stopped = true;
        warnings.push(
          `More than ${opts.limits.entries} files and folders: the walk stopped in ${relDir || 'the top folder'}.`,
        );
        return;
      }
      const rel = relDir ? `${relDir}/${d.name}` : d.name;
      const child = path.join(abs, d.name);
      const candidate = inSkill || opts.isCandidate(d.name);
      if (d.isDirectory()) {
        if (opts.vendorDirs.has(d.name) || !allowedDir(rel)) continue;
        if (depth + 1 > opts.limits.depth) {
          warnings.push(`${rel}: more than ${opts.limits.depth} folders deep; it was not walked.`);
          continue;
        }
        walk(child, rel, depth + 1, inSkill);
      } else if (!filesHere(relDir)) continue;
      else if (d.isSymbolicLink()) linkEntry(child, rel, inSkill, candidate);
      else if (!candidate) otherFiles++;
      else if (!d.isFile()) entries.push({ rel, real: child, inSkill, skip: 'not a regular file: not imported' });
      else entries.push({ rel, real: child, realRel: rel, inSkill, ...execBit(inSkill, skillMode(child, inSkill)) });
    }
  };
  walk(root.dir, '', 0, false);
  return { entries, warnings, otherFiles };
}
