import { AppError } from '../../shared/errors';
import type { CommitInfo, FileChanges } from '../../shared/sources';
import { git, type GitOptions } from '../git/core';
import type { Logger } from '../observability/logger';
import { NO_CREDENTIAL_HELPER } from './auth';
import { parseGitProgress, type CloneProgress } from './clone';

/** What every git call on one clone needs. */
export interface RepoCtx {
  readonly dir: string;
  readonly logger?: Logger;
  readonly env?: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
}

function opts(r: RepoCtx, operation: string, extra: Partial<GitOptions> = {}): GitOptions {
  return {
    cwd: r.dir,
    operation,
    ...(r.logger ? { logger: r.logger } : {}),
    ...(r.env ? { env: r.env } : {}),
    ...(r.signal ? { signal: r.signal } : {}),
    ...extra,
  };
}

/** Fetches branches and tags from origin, reporting progress. */
export async function fetchOrigin(r: RepoCtx, onProgress?: (p: CloneProgress) => void): Promise<void> {
  await git(
    [...NO_CREDENTIAL_HELPER, 'fetch', '--progress', '--prune', '--tags', '--force', 'origin'],
    opts(r, 'fetch', { onStderr: (c) => parseGitProgress(c).forEach((p) => onProgress?.(p)) }),
  );
}

/** The commit a ref names (a commit, tag, local or origin branch), or BRANCH_MISSING naming the ref. */
export async function resolveCommit(r: RepoCtx, ref: string): Promise<string> {
  for (const candidate of [ref, `origin/${ref}`, `refs/tags/${ref}`]) {
    const res = await git(
      ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`],
      opts(r, 'resolve ref', { okExitCodes: [1, 128] }),
    );
    if (res.exitCode === 0 && res.stdout.trim()) return res.stdout.trim();
  }
  throw new AppError(
    'BRANCH_MISSING',
    `"${ref}" is not a branch, tag or commit of ${r.dir}.`,
    'Pick one from `ai-config library log NAME`, or check the name upstream.',
    { ref },
  );
}

export async function headCommit(r: RepoCtx): Promise<string> {
  return (await git(['rev-parse', 'HEAD'], opts(r, 'head'))).stdout.trim();
}

export async function currentBranch(r: RepoCtx): Promise<string> {
  return (await git(['rev-parse', '--abbrev-ref', 'HEAD'], opts(r, 'branch'))).stdout.trim();
}

const FMT = '%H%x1f%s%x1f%an%x1f%aI';

function parseCommits(stdout: string): CommitInfo[] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [hash = '', subject = '', author = '', date = ''] = l.split('\x1f');
      return { hash, subject, author, date };
    });
}

/** Commits reachable from `to` but not `from`, newest first. */
export async function commitsBetween(r: RepoCtx, from: string, to: string, limit = 500): Promise<CommitInfo[]> {
  return parseCommits(
    (await git(['log', `--format=${FMT}`, `-n${limit}`, `${from}..${to}`], opts(r, 'log range'))).stdout,
  );
}

export async function commitInfo(r: RepoCtx, rev: string): Promise<CommitInfo | undefined> {
  return parseCommits((await git(['log', `--format=${FMT}`, '-n1', rev], opts(r, 'commit info'))).stdout)[0];
}

/** The log of `revs` (e.g. HEAD and origin/main), newest first. */
export async function logOf(r: RepoCtx, revs: ReadonlyArray<string>, limit: number): Promise<CommitInfo[]> {
  return parseCommits((await git(['log', `--format=${FMT}`, `-n${limit}`, ...revs, '--'], opts(r, 'log'))).stdout);
}

/** Files added, modified and deleted between two commits. */
export async function filesBetween(r: RepoCtx, from: string, to: string): Promise<FileChanges> {
  const out = (
    await git(['diff', '--name-status', '-z', '--no-renames', from, to], opts(r, 'diff files'))
  ).stdout.split('\0');
  const added: string[] = [];
  const modified: string[] = [];
  const deleted: string[] = [];
  for (let i = 0; i + 1 < out.length; i += 2) {
    const status = out[i]!;
    const file = out[i + 1]!;
    if (status.startsWith('A')) added.push(file);
    else if (status.startsWith('D')) deleted.push(file);
    else modified.push(file);
  }
  return { added, modified, deleted };
}

/** Unified diff of one file between two revisions (or a revision and the work tree when `to` is undefined). */
export async function fileDiff(r: RepoCtx, from: string, to: string | undefined, file: string): Promise<string> {
  return (
    await git(['diff', '--no-color', '--no-ext-diff', from, ...(to ? [to] : []), '--', file], opts(r, 'diff file'))
  ).stdout;
}

/** Commits [ahead, behind] between HEAD and an upstream ref. */
export async function aheadBehind(
  r: RepoCtx,
  upstream: string,
): Promise<{ ahead: number; behind: number } | undefined> {
  const res = await git(
    ['rev-list', '--left-right', '--count', `HEAD...${upstream}`],
    opts(r, 'ahead/behind', { okExitCodes: [128] }),
  );
  if (res.exitCode !== 0) return undefined;
  const [ahead = 0, behind = 0] = res.stdout.trim().split(/\s+/).map(Number);
  return { ahead, behind };
}

export async function isAncestor(r: RepoCtx, a: string, b: string): Promise<boolean> {
  return (
    (await git(['merge-base', '--is-ancestor', a, b], opts(r, 'is ancestor', { okExitCodes: [1] }))).exitCode === 0
  );
}

/** A file's bytes at a revision, or undefined when it does not exist there. */
export async function showFile(r: RepoCtx, rev: string, file: string): Promise<Buffer | undefined> {
  const res = await git(
    ['cat-file', 'blob', `${rev}:${file}`],
    opts(r, 'show file', { binary: true, okExitCodes: [128] }),
  );
  return res.exitCode === 0 ? res.stdoutBuffer : undefined;
}

/** Library paths with local edits (modified, deleted or new), relative, with "/" separators. */
export async function localChanges(r: RepoCtx): Promise<string[]> {
  const out = (
    await git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'], opts(r, 'status'))
  ).stdout;
  return out
    .split('\0')
    .filter(Boolean)
    .map((e) => e.slice(3));
}
