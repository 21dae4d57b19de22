import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SourceConflict } from '../../shared/sources';
import { AppError } from '../../shared/errors';
import { git } from '../git/core';
import { dataRoot, libraryRoot, readInRoot, removeInRoot, resolveInRoot, writeInRoot } from '../workspace/boundary';
import { localChanges, showFile, type RepoCtx } from './git-ops';
import { beginMove, endMove } from './update-journal';

export interface MoveResult {
  /** Local edits that are in place after the move (re-applied or merged cleanly). */
  readonly kept: string[];
  /** Edited on both sides and not mergeable: your version stays in place, upstream's is at HEAD. */
  readonly conflicts: SourceConflict[];
}

interface Edit {
  readonly path: string;
  /** Undefined when the edit deleted the file. */
  readonly mine: Buffer | undefined;
}

function same(a: Buffer | undefined, b: Buffer | undefined): boolean {
  return a === undefined ? b === undefined : b !== undefined && a.equals(b);
}

async function writeOrDelete(dir: string, rel: string, data: Buffer | undefined): Promise<void> {
  const root = libraryRoot(dir);
  if (data === undefined) await removeInRoot(root, rel);
  else await writeInRoot(root, rel, data);
}

/**
 * Whether the clone's path is now a symlink, below one, or below a file (upstream turned the edited file or one of
 * its folders into a link): the edit cannot be put back without writing through it, so it is a conflict.
 */
function blockedInTree(dir: string, rel: string): boolean {
  try {
    const r = resolveInRoot(libraryRoot(dir), rel);
    return r.notDir !== undefined || (r.stat !== undefined && !r.stat.isFile());
  } catch (e) {
    if (e instanceof AppError) return true;
    throw e;
  }
}

/** A local edit read without following a link: undefined when deleted; a link or odd entry is not carried over. */
function readEdit(dir: string, rel: string): { mine: Buffer | undefined } | undefined {
  try {
    return { mine: readInRoot(libraryRoot(dir), rel) };
  } catch (e) {
    if (e instanceof AppError) return undefined;
    throw e;
  }
}

/** Three-way merge of one file's text with `git merge-file`; undefined when the edits overlap. */
async function mergeText(r: RepoCtx, mine: Buffer, base: Buffer, theirs: Buffer): Promise<Buffer | undefined> {
  const tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'aicfg-merge-'));
  try {
    const [m, b, t] = ['mine', 'base', 'theirs'].map((n) => path.join(tmp, n)) as [string, string, string];
    const scratch = dataRoot(tmp);
    await Promise.all([
      writeInRoot(scratch, 'mine', mine, { fsync: false }),
      writeInRoot(scratch, 'base', base, { fsync: false }),
      writeInRoot(scratch, 'theirs', theirs, { fsync: false }),
    ]);
    const res = await git(['merge-file', '-p', m, b, t], {
      cwd: r.dir,
      operation: 'merge file',
      binary: true,
      okExitCodes: Array.from({ length: 127 }, (_, i) => i + 1),
      ...(r.logger ? { logger: r.logger } : {}),
    });
    return res.exitCode === 0 ? res.stdoutBuffer : undefined;
  } finally {
    await fs.promises.rm(tmp, { recursive: true, force: true });
  }
}

/**
 * Moves the clone to `target` without losing local edits.
 *
 * 1. Every locally edited file (modified, deleted or new) is read and copied to `backupDir` (fsynced), and a
 *    journal naming it is written (update-journal.ts): a kill from here on is undone by the next start.
 * 2. The clone is reset to `target`.
 * 3. Each edit is put back: a file upstream did not touch gets your version; a file both sides changed
 *    is merged line by line; when the edits overlap (or one side deleted it) your version stays in the
 *    work tree and the file is reported as a conflict (upstream's version is at HEAD).
 *    A path that upstream turned into a symlink (or put below one) is a conflict too: nothing is written through
 *    the link, and your version is kept in `keepDir` (named in the conflict).
 * 4. The journal, then the backup, is removed only when all of that succeeded.
 */
export async function moveKeepingEdits(
  r: RepoCtx,
  from: string,
  target: string,
  backupDir: string,
  now: string,
  journal: { readonly file: string; readonly source: string; readonly keepDir: string },
): Promise<MoveResult> {
  const paths = await localChanges(r);
  // A local symlink (or a folder, a FIFO) is never read through; it is left to the reset.
  const edits: Edit[] = paths.flatMap((p) => {
    const got = readEdit(r.dir, p);
    return got ? [{ path: p, mine: got.mine }] : [];
  });
  const j = {
    source: journal.source,
    dir: r.dir,
    from,
    target,
    backup: backupDir,
    edits: edits.map((e) => ({ path: e.path, deleted: !e.mine })),
    startedAt: now,
  };
  if (edits.length) await beginMove(journal.file, j, new Map(edits.map((e) => [e.path, e.mine])));
  await git(['reset', '-q', '--hard', target], {
    cwd: r.dir,
    operation: 'move to version',
    ...(r.logger ? { logger: r.logger } : {}),
  });
  const kept: string[] = [];
  const conflicts: SourceConflict[] = [];
  for (const e of edits) {
    if (blockedInTree(r.dir, e.path)) {
      // Upstream made the path (or a folder above it) a link: nothing is written through it; your version is kept
      // in keepDir, and the file is a conflict that names where.
      const kept = path.join(journal.keepDir, ...e.path.split('/'));
      if (e.mine) await writeInRoot(dataRoot(journal.keepDir), e.path, e.mine);
      conflicts.push({ path: e.path, mineDeleted: !e.mine, since: now, ...(e.mine ? { backup: kept } : {}) });
      continue;
    }
    const [base, theirs] = await Promise.all([showFile(r, from, e.path), showFile(r, target, e.path)]);
    if (same(base, theirs)) {
      await writeOrDelete(r.dir, e.path, e.mine);
      kept.push(e.path);
      continue;
    }
    if (same(e.mine, theirs)) continue;
    const merged = e.mine && base && theirs ? await mergeText(r, e.mine, base, theirs) : undefined;
    if (merged) {
      await writeOrDelete(r.dir, e.path, merged);
      kept.push(e.path);
    } else {
      await writeOrDelete(r.dir, e.path, e.mine);
      conflicts.push({ path: e.path, mineDeleted: !e.mine, since: now });
    }
  }
  if (edits.length) await endMove(journal.file, j);
  return { kept, conflicts };
}
