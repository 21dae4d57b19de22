import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { isInside, sha256File, walk } from './files';
import { failpoint } from '../failpoints';
import { isSyncToolMetadata } from './tool-metadata';

export interface CopyPlan {
  /** Files to copy (relative). */
  readonly copy: ReadonlyArray<string>;
  /** Files already at the destination with the same content. */
  readonly same: ReadonlyArray<string>;
  /** Every folder, so empty ones (knowledge/, agents/) move too. */
  readonly dirs: ReadonlyArray<string>;
}

export interface CopyOptions {
  readonly from: string;
  readonly to: string;
  /** Copies one file; tests pass one that fails or corrupts. */
  readonly copyFile?: (src: string, dest: string) => void;
  readonly onProgress?: (done: number, total: number) => void;
}

/** The sync tool's own files and folders and probe files: never part of the workspace, never moved. */
export const skipProviderFiles = (name: string) => isSyncToolMetadata(name) || name.startsWith('.ai-config-probe-');

/**
 * Plans copying the workspace `from` into `to`. Files already there with the same content are kept; a file
 * there with different content stops the move before anything is written (CONFLICT, naming the files).
 */
export function planCopy(from: string, to: string): CopyPlan {
  if (isInside(to, from) || isInside(from, to)) {
    throw new AppError(
      'INVALID_REQUEST',
      `Cannot move the workspace ${from} into ${to}: one folder is inside the other.`,
      'Choose a folder outside the current workspace (and not one of its parents).',
    );
  }
  if (fs.existsSync(to) && !fs.statSync(to).isDirectory()) {
    throw new AppError(
      'INVALID_REQUEST',
      `${to} is a file, not a folder.`,
      'Choose a folder (it may be new or empty).',
      { field: 'path' },
    );
  }
  const copy: string[] = [];
  const same: string[] = [];
  const clash: string[] = [];
  const tree = walk(from, skipProviderFiles);
  for (const rel of tree.files) {
    const dest = path.join(to, rel);
    if (!fs.existsSync(dest)) copy.push(rel);
    else if (sha256File(dest) === sha256File(path.join(from, rel))) same.push(rel);
    else clash.push(rel);
  }
  if (clash.length) {
    throw new AppError(
      'CONFLICT',
      `${to} already has different versions of ${clash.slice(0, 5).join(', ')}` +
        `${clash.length > 5 ? ` and ${clash.length - 5} more` : ''}.`,
      'Choose an empty folder, or move those files aside first; nothing was changed.',
      { files: clash },
    );
  }
  return { copy, same, dirs: tree.dirs };
}

/**
 * Copies the planned files (keeping modification times), then re-reads both sides and compares SHA-256
 * hashes. On any failure the files this call created are removed again and the source is untouched.
 */
export interface CopyResult {
  readonly files: ReadonlyArray<string>;
  readonly dirs: ReadonlyArray<string>;
}

/** Removes what a copy created (files, then the folders it made), leaving everything else alone. */
export function undoCopy(result: CopyResult): void {
  for (const f of result.files) fs.rmSync(f, { force: true });
  for (const d of [...result.dirs].reverse()) fs.rmSync(d, { recursive: true, force: true });
}

export function copyVerified(opts: CopyOptions, plan: CopyPlan): CopyResult {
  const copyFile = opts.copyFile ?? ((s, d) => fs.copyFileSync(s, d, fs.constants.COPYFILE_EXCL));
  const created: string[] = [];
  const createdDirs: string[] = [];
  try {
    if (!fs.existsSync(opts.to)) {
      fs.mkdirSync(opts.to, { recursive: true });
      createdDirs.push(opts.to);
    }
    for (const rel of plan.dirs) {
      const dir = path.join(opts.to, rel);
      if (!fs.existsSync(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        createdDirs.push(dir);
      }
    }
    plan.copy.forEach((rel, i) => {
      const src = path.join(opts.from, rel);
      const dest = path.join(opts.to, rel);
      const dir = path.dirname(dest);
      if (!fs.existsSync(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        createdDirs.push(dir);
      }
      copyFile(src, dest);
      created.push(dest);
      failpoint('sync-copy:file-copied');
      const st = fs.statSync(src);
      fs.utimesSync(dest, st.atime, st.mtime);
      opts.onProgress?.(i + 1, plan.copy.length);
    });
    for (const rel of plan.copy) {
      if (sha256File(path.join(opts.from, rel)) !== sha256File(path.join(opts.to, rel))) {
        throw new AppError(
          'INVALID_FILE',
          `The copy of ${rel} in ${opts.to} does not match the original (SHA-256 differs).`,
          'Check the destination disk or network share and try again; the workspace was not moved.',
          { file: rel },
        );
      }
    }
    failpoint('sync-copy:verified');
    return { files: created, dirs: createdDirs };
  } catch (e) {
    undoCopy({ files: created, dirs: createdDirs });
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC')
      throw new AppError(
        'DISK_FULL',
        `The disk holding ${opts.to} is full.`,
        'Free some space and try again; the workspace was not moved.',
      );
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new AppError(
        'FORBIDDEN',
        `No permission to write in ${opts.to}.`,
        'Choose a folder you can write to; the workspace was not moved.',
      );
    throw e;
  }
}
