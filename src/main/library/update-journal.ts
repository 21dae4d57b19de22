import fs from 'node:fs';
import path from 'node:path';
import { failpoint } from '../failpoints';
import { git } from '../git/core';
import { clearStaleGitLocks } from '../history/repo';
import type { Logger } from '../observability/logger';
import { writeAtomic, writeJsonAtomic } from '../workspace/atomic-write';
import { libraryRoot, removeInRoot, writeInRoot } from '../workspace/boundary';

/**
 * The journal of a source move (update, pin, rollback) with local edits: written once every edit is copied to
 * the backup and fsynced, before the clone is reset; removed (then the backup) when every edit is back in place.
 * A run killed in between leaves it, and the next start puts the source back as it was: `from`, with the edits.
 */
export interface MoveJournal {
  readonly source: string;
  /** The clone (library/<source>). */
  readonly dir: string;
  readonly from: string;
  readonly target: string;
  /** The folder holding each edited file's bytes under files/ (state/backups/source-moves/...). */
  readonly backup: string;
  readonly edits: ReadonlyArray<{ readonly path: string; readonly deleted: boolean }>;
  readonly startedAt: string;
}

/** What recovery did with one journal. */
export interface RecoveredMove {
  readonly source: string;
  readonly restored: number;
  /** Edits that could not be put back in place (a symlink on the path); their bytes stay in `kept`. */
  readonly conflicts: ReadonlyArray<string>;
  readonly kept?: string;
}

/** `state/source-moves/`: one journal a source being moved. */
export const moveJournalDir = (stateDir: string) => path.join(stateDir, 'source-moves');
export const moveJournalFile = (stateDir: string, source: string) =>
  path.join(moveJournalDir(stateDir), `${source}.json`);
/** `state/backups/source-moves/`: the backups the journals name; anything here without a journal is a leftover. */
export const moveBackupsDir = (backupsDir: string) => path.join(backupsDir, 'source-moves');

const backupFile = (backup: string, rel: string) => path.join(backup, 'files', ...rel.split('/'));

/** Makes a folder's entries (new files, renames) durable. */
async function fsyncDir(dir: string): Promise<void> {
  const fh = await fs.promises.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Whether `rel` under `root` is, or passes through, a symlink (writing there could leave the clone). */
export function symlinkOnPath(root: string, rel: string): boolean {
  let at = root;
  for (const part of rel.split('/')) {
    at = path.join(at, part);
    const st = fs.lstatSync(at, { throwIfNoEntry: false });
    if (!st) return false;
    if (st.isSymbolicLink()) return true;
  }
  return false;
}

/** Copies every edit's bytes into the backup (fsynced, folders too), then writes the journal that names it. */
export async function beginMove(
  journalFile: string,
  j: MoveJournal,
  bytes: ReadonlyMap<string, Buffer | undefined>,
): Promise<void> {
  const dirs = new Set<string>();
  for (const [rel, data] of bytes) {
    if (!data) continue;
    const f = backupFile(j.backup, rel);
    await writeAtomic(f, data);
    for (let d = path.dirname(f); d.startsWith(j.backup); d = path.dirname(d)) dirs.add(d);
  }
  await writeJsonAtomic(path.join(j.backup, 'manifest.json'), j);
  for (const d of [...dirs, j.backup, path.dirname(j.backup)]) await fsyncDir(d);
  failpoint('update-journal:backup-written');
  await writeJsonAtomic(journalFile, j);
  await fsyncDir(path.dirname(journalFile));
  failpoint('update-journal:written');
}

/** The move is done: the journal goes first, then the backup (a leftover backup alone is harmless). */
export async function endMove(journalFile: string, j: Pick<MoveJournal, 'backup'>): Promise<void> {
  failpoint('update-journal:before-clear');
  await fs.promises.rm(journalFile, { force: true });
  failpoint('update-journal:cleared');
  await fs.promises.rm(j.backup, { recursive: true, force: true });
  failpoint('update-journal:backup-removed');
}

/** Every journal left by a killed move (unreadable ones are reported by name with no content). */
export function pendingMoves(stateDir: string): ReadonlyArray<{ file: string; journal?: MoveJournal }> {
  const dir = moveJournalDir(stateDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  return names.map((n) => {
    const file = path.join(dir, n);
    try {
      return { file, journal: JSON.parse(fs.readFileSync(file, 'utf8')) as MoveJournal };
    } catch {
      return { file };
    }
  });
}

/** Backups in state/backups/source-moves/ that no journal names (a move finished, or never began, with them left). */
export function leftoverMoveBackups(stateDir: string, backupsDir: string): ReadonlyArray<string> {
  const named = new Set(pendingMoves(stateDir).flatMap((p) => (p.journal ? [path.resolve(p.journal.backup)] : [])));
  const dir = moveBackupsDir(backupsDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.map((n) => path.join(dir, n)).filter((d) => !named.has(path.resolve(d)));
}

/**
 * Puts a source back as it was before a killed move: the clone at `from` (reset, untracked files the move
 * wrote removed) and every local edit from the backup. Then the journal and the backup go. Idempotent: a kill
 * during recovery is recovered the same way by the next start.
 */
export async function recoverMove(
  journalFile: string,
  j: MoveJournal,
  keepDir: string,
  logger?: Logger,
): Promise<RecoveredMove> {
  const gitOpts = (operation: string) => ({ cwd: j.dir, operation, ...(logger ? { logger } : {}) });
  clearStaleGitLocks(path.join(j.dir, '.git'));
  await git(['reset', '-q', '--hard', j.from], gitOpts('undo interrupted move'));
  await git(['clean', '-q', '-f', '-d'], gitOpts('undo interrupted move: remove new files'));
  failpoint('update-journal:reset-to-from');
  const conflicts: string[] = [];
  for (const e of j.edits) {
    // Into the clone through the boundary: never through a link upstream (or the reset) put on the path.
    if (symlinkOnPath(j.dir, e.path)) conflicts.push(e.path);
    else if (e.deleted) await removeInRoot(libraryRoot(j.dir), e.path);
    else await writeInRoot(libraryRoot(j.dir), e.path, await fs.promises.readFile(backupFile(j.backup, e.path)));
  }
  let kept: string | undefined;
  if (conflicts.length) {
    kept = keepDir;
    for (const rel of conflicts) {
      const from = backupFile(j.backup, rel);
      if (fs.existsSync(from)) await writeAtomic(backupFile(kept, rel), await fs.promises.readFile(from));
    }
  }
  failpoint('update-journal:edits-restored');
  await endMove(journalFile, j);
  logger?.warn('put back a library source that a killed update left part moved', {
    source: j.source,
    from: j.from,
    target: j.target,
    edits: j.edits.length,
    conflicts,
  });
  return { source: j.source, restored: j.edits.length - conflicts.length, conflicts, ...(kept ? { kept } : {}) };
}
