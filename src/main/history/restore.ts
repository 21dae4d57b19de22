import fs from 'node:fs';
import path from 'node:path';
import type { RollbackChange } from '../../shared/ipc/channels/history';
import { failpoint } from '../failpoints';
import { AppError } from '../../shared/errors';
import {
  isToolPath,
  personalRoot,
  symlinkInRoot,
  symlinkRefused,
  toolRootFor,
  unlinkInRoot,
  writeInRoot,
  type FsRoot,
} from '../workspace/boundary';
import { sweepTempFiles, writeDurable } from './durable-write';
import type { HistoryRepo } from './repo';
import { displayPath, entryFor, isReserved, toolEntry, TOOLS_MANIFEST } from './tool-paths';
import { listTree, manifestOf, type TreeEntry } from './tree';

/** One file a restore writes or deletes: its tree path, its real path, and the blob to write. */
export type RestoreOp =
  | {
      readonly action: 'write';
      readonly entry: string;
      readonly abs: string;
      readonly sha: string;
      readonly mode: string;
    }
  | { readonly action: 'delete'; readonly entry: string; readonly abs: string };

function inScope(entry: string, only: string | undefined): boolean {
  return !only || entry === only || entry.startsWith(only.replace(/\/$/, '') + '/');
}

/**
 * What restoring `target` (all of it, or one path: a file or a folder) over the current state changes.
 * Tool files that did not exist at the target version are deleted only if that version tracked them.
 */
export async function planRestore(
  repo: HistoryRepo,
  currentTree: string,
  target: string,
  userPath?: string,
): Promise<RestoreOp[]> {
  const only = userPath ? entryFor(userPath) : undefined;
  const work = repo.workTree();
  const [want, have] = await Promise.all([listTree(repo, target), listTree(repo, currentTree)]);
  const byPath = (list: TreeEntry[]) => new Map(list.filter((e) => inScope(e.path, only)).map((e) => [e.path, e]));
  const wantMap = byPath(want);
  const haveMap = byPath(have);
  const ops: RestoreOp[] = [];
  for (const [p, e] of wantMap) {
    if (p === TOOLS_MANIFEST) continue;
    const tool = displayPath(p);
    const abs = isReserved(p) ? tool : path.join(work, ...p.split('/'));
    const cur = haveMap.get(p);
    if (!cur || cur.sha !== e.sha || cur.mode !== e.mode)
      ops.push({ action: 'write', entry: p, abs, sha: e.sha, mode: e.mode });
  }
  for (const [p] of haveMap) {
    if (wantMap.has(p) || isReserved(p)) continue;
    ops.push({ action: 'delete', entry: p, abs: path.join(work, ...p.split('/')) });
  }
  for (const tool of await manifestOf(repo, target)) {
    const entry = toolEntry(tool);
    if (!inScope(entry, only) || wantMap.has(entry)) continue;
    if (haveMap.has(entry)) ops.push({ action: 'delete', entry, abs: tool });
  }
  return ops.sort((a, b) => a.entry.localeCompare(b.entry));
}

export function describeOps(ops: ReadonlyArray<RestoreOp>): RollbackChange[] {
  return ops.map((o) => ({ path: displayPath(o.entry), action: o.action }));
}

/** A placeholder a restored tool file kept because nothing resolved it (a secret that was removed). */
export interface UnresolvedPlaceholder {
  readonly path: string;
  readonly name: string;
}

/**
 * Applies a plan: deletions first (so a path that changed between file and folder is free again), then each file
 * written atomically, and empty workspace folders removed. Idempotent, so a killed run is finished from its journal.
 * A tool file's placeholders are resolved again (see ToolContent); those nothing resolved are returned.
 */
export async function applyRestore(
  repo: HistoryRepo,
  ops: ReadonlyArray<RestoreOp>,
  onProgress?: (done: number) => void,
  allowSymlinks: ReadonlyArray<string> = [],
): Promise<UnresolvedPlaceholder[]> {
  const unresolved: UnresolvedPlaceholder[] = [];
  let done = 0;
  const writes = ops.filter((o): o is Extract<RestoreOp, { action: 'write' }> => o.action === 'write');
  const blobs = await readBlobs(repo, [...new Set(writes.map((o) => o.sha))]);
  const work = path.resolve(repo.workTree());
  const rootOf = (op: RestoreOp): FsRoot => {
    if (!isReserved(op.entry)) return personalRoot(work);
    if (!isToolPath(op.abs)) throw notAToolPath(op.abs);
    return toolRootFor(op.abs, { allowSymlinks });
  };
  // Every root is checked before the first change, so a hostile entry (a bundle naming ~/.bashrc) changes nothing.
  for (const op of ops) rootOf(op);
  for (const op of ops) {
    if (op.action !== 'delete') continue;
    await unlinkInRoot(rootOf(op), op.abs);
    if (!isReserved(op.entry)) removeEmptyParents(path.dirname(op.abs), work);
    onProgress?.(++done);
  }
  for (const op of writes) {
    let data = blobs.get(op.sha)!;
    const root = rootOf(op);
    // A tracked personal symlink is put back as a link (reads never follow it); a tool file is never made one.
    if (op.mode === '120000' && !isReserved(op.entry)) await symlinkInRoot(root, op.abs, data.toString('utf8'));
    else if (op.mode === '120000') throw symlinkRefused(root, op.abs, data.toString('utf8'));
    else {
      let mode = op.mode === '100755' ? 0o755 : 0o644;
      if (repo.toolContent && isReserved(op.entry)) {
        // Resolved secrets are stored as placeholders: fill them in again (the file is then owner-only).
        const r = repo.toolContent.fromHistory(op.abs, data);
        data = r.data;
        if (r.private) mode = 0o600;
        for (const name of r.missing) unresolved.push({ path: op.abs, name });
      }
      await writeInRoot(root, op.abs, data, { mode });
    }
    onProgress?.(++done);
  }
  return unresolved;
}

/** A restore entry for a path no install writes (only a tampered history or backup holds one). */
function notAToolPath(abs: string): AppError {
  return new AppError(
    'PATH_OUTSIDE_ROOT',
    `The history names ${abs} as a tool file, but no AI tool keeps its configuration there; nothing was restored.`,
    'Restore a version made on this machine, or check where the imported backup came from.',
    { file: abs },
  );
}

/** Reads many blobs with one `git cat-file --batch`. */
export async function readBlobs(repo: HistoryRepo, shas: ReadonlyArray<string>): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  if (!shas.length) return out;
  const buf = (
    await repo.run(['cat-file', '--batch'], {
      binary: true,
      input: shas.join('\n') + '\n',
      operation: 'history restore',
    })
  ).stdoutBuffer;
  let at = 0;
  for (const sha of shas) {
    const nl = buf.indexOf(10, at);
    const [id, type, size] = buf.subarray(at, nl).toString('utf8').split(' ');
    if (id !== sha || type !== 'blob') throw new Error(`history store: object ${sha} is ${type ?? 'missing'}`);
    const start = nl + 1;
    out.set(sha, buf.subarray(start, start + Number(size)));
    at = start + Number(size) + 1;
  }
  return out;
}

function removeEmptyParents(dir: string, stop: string): void {
  let d = path.resolve(dir);
  while (d.startsWith(stop + path.sep)) {
    try {
      fs.rmdirSync(d);
    } catch {
      return;
    }
    d = path.dirname(d);
  }
}

/** A rollback in progress, written before the first file changes so a killed run is finished on the next start. */
export interface RollbackJournal {
  readonly target: string;
  readonly path?: string;
  readonly before: string;
  readonly operation: string;
  readonly correlationId: string;
  readonly message: string;
  /** Folders whose temp files to sweep on recovery. */
  readonly dirs: ReadonlyArray<string>;
}

export function journalFile(repo: HistoryRepo): string {
  return path.join(repo.gitDir, 'rollback-journal.json');
}

export async function writeJournal(repo: HistoryRepo, j: RollbackJournal): Promise<void> {
  await writeDurable(journalFile(repo), Buffer.from(JSON.stringify(j)), 'file');
  failpoint('history-journal:written');
}

export function readJournal(repo: HistoryRepo): RollbackJournal | undefined {
  try {
    return JSON.parse(fs.readFileSync(journalFile(repo), 'utf8')) as RollbackJournal;
  } catch {
    return undefined;
  }
}

export function clearJournal(repo: HistoryRepo, j: RollbackJournal): void {
  failpoint('history-journal:before-clear');
  for (const d of j.dirs) sweepTempFiles(d);
  fs.rmSync(journalFile(repo), { force: true });
  failpoint('history-journal:cleared');
}

/** The folders a plan writes into. */
export function dirsOf(ops: ReadonlyArray<RestoreOp>): string[] {
  return [...new Set(ops.map((o) => path.dirname(o.abs)))];
}
