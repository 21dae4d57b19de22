import fs from 'node:fs';
import path from 'node:path';
import { git, type GitOptions, type GitResult } from '../git/core';
import { APP_GIT_CONFIG, APP_GIT_IDENTITY } from '../git/identity';
import type { Logger } from '../observability/logger';
import type { ToolContent } from './tool-content';
import type { AppError } from '../../shared/errors';
import { asStoreDamage, historyStoreDamaged } from './damaged';
import { HISTORY_GIT_CONFIG, HISTORY_GIT_ENV, writeHistoryAttributes, writeInfoFile } from './isolation';

const INIT_MARK = '.aicfg-init-';

/** The branch that holds the timeline. */
export const HISTORY_REF = 'refs/heads/main';

/** Files a sync tool or an editor leaves around that are never versioned. */
const EXCLUDES = [
  '.git',
  '/.ai-config-tools/',
  '.stfolder',
  '.stversions/',
  '.~syncthing~*',
  '.syncthing.*.tmp',
  '.dropbox',
  '.dropbox.cache/',
  '.DS_Store',
  'Thumbs.db',
  '*.aicfg-tmp-*',
  '*.swp',
  '*~',
];

/** The history git dir (`state/history.git`) and the work tree it versions, which is read at call time. */
export interface HistoryRepo {
  readonly gitDir: string;
  readonly workTree: () => string;
  readonly logger?: Logger;
  /** How tool files' bytes are stored and restored (secrets as placeholders); absent: as they are. */
  readonly toolContent?: ToolContent;
  /** Runs git on the history dir (and the work tree, when `withWorkTree`). */
  run(
    args: ReadonlyArray<string>,
    opts?: Partial<GitOptions> & { withWorkTree?: boolean; indexFile?: string },
  ): Promise<GitResult>;
}

export function openHistoryRepo(
  gitDir: string,
  workTree: () => string,
  logger?: Logger,
  toolContent?: ToolContent,
): HistoryRepo {
  return {
    gitDir,
    workTree,
    ...(logger ? { logger } : {}),
    ...(toolContent ? { toolContent } : {}),
    run(args, opts = {}) {
      const env: NodeJS.ProcessEnv = { ...APP_GIT_IDENTITY, ...opts.env, ...HISTORY_GIT_ENV, GIT_DIR: gitDir };
      if (opts.indexFile) env.GIT_INDEX_FILE = opts.indexFile;
      const pre = opts.withWorkTree ? ['--work-tree', workTree()] : [];
      const cwd = opts.withWorkTree ? workTree() : gitDir;
      return git(
        [
          ...APP_GIT_CONFIG,
          ...HISTORY_GIT_CONFIG,
          '-c',
          'core.quotePath=false',
          '-c',
          'core.autocrlf=false',
          '-c',
          'gc.auto=0',
          ...pre,
          ...args,
        ],
        {
          cwd,
          operation: opts.operation ?? 'history',
          ...(logger ? { logger } : {}),
          env,
          ...(opts.input !== undefined ? { input: opts.input } : {}),
          ...(opts.okExitCodes ? { okExitCodes: opts.okExitCodes } : {}),
          ...(opts.binary ? { binary: true } : {}),
        },
      ).catch((e: unknown) => {
        throw asStoreDamage(e, gitDir);
      });
    },
  };
}

/** Creates the bare history repository if it is missing (idempotent). */
export async function ensureHistoryRepo(repo: HistoryRepo): Promise<void> {
  const parent = path.dirname(repo.gitDir);
  // A store being created by a process that was killed is a temp folder: remove it and start again.
  for (const name of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
    if (name.startsWith(`${path.basename(repo.gitDir)}${INIT_MARK}`))
      fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
  if (!fs.existsSync(repo.gitDir)) {
    // Created beside its place and renamed into it, so a half-made store is never taken for the real one.
    fs.mkdirSync(parent, { recursive: true, mode: 0o700 });
    const tmp = `${repo.gitDir}${INIT_MARK}${process.pid}`;
    // --shared=0600: git makes every file it writes owner-only (folders 0700), now and later.
    await git([...APP_GIT_CONFIG, 'init', '--bare', '--quiet', '--object-format=sha1', '--shared=0600', tmp], {
      cwd: parent,
      operation: 'history init',
      ...(repo.logger ? { logger: repo.logger } : {}),
    });
    fs.renameSync(tmp, repo.gitDir);
  } else if (!/sharedrepository\s*=\s*0600/i.test(readOr(path.join(repo.gitDir, 'config')) ?? '')) {
    // A store made before history was private: git keeps what it writes from now on owner-only.
    await repo.run(['config', 'core.sharedRepository', '0600'], { operation: 'history config' });
  }
  writeHistoryAttributes(repo.gitDir);
  writeInfoFile(repo.gitDir, 'exclude', EXCLUDES.join('\n') + '\n');
}

function readOr(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The newest version id, or undefined for an empty history. */
export async function headVersion(repo: HistoryRepo): Promise<string | undefined> {
  const recorded = refRecord(repo.gitDir);
  const r = await repo.run(['rev-parse', '--verify', '--quiet', `${HISTORY_REF}^{commit}`], {
    operation: 'history head',
    okExitCodes: [1],
  });
  if (r.exitCode !== 0 && refBroken(repo.gitDir, recorded)) throw brokenRef(repo.gitDir, r.stderr);
  return r.exitCode === 0 ? r.stdout.trim() : undefined;
}

/** The newest version and its tree in one git call, or undefined for an empty history. */
export async function headState(repo: HistoryRepo): Promise<{ commit: string; tree: string } | undefined> {
  // The commit this process made last, while the ref file still names it: no git process needed.
  const known = lastHeads.get(repo.gitDir);
  const loose = readLooseRef(repo.gitDir);
  if (known && loose === known.commit) return { ...known };
  // No ref file and no packed refs: an empty history (the files backend keeps a ref in one or the other).
  if (
    loose === undefined &&
    fs.existsSync(path.join(repo.gitDir, 'HEAD')) &&
    !fs.existsSync(path.join(repo.gitDir, 'packed-refs'))
  )
    return undefined;
  const recorded = refRecord(repo.gitDir);
  const r = await repo.run(['log', '-1', '--format=%H %T', HISTORY_REF, '--'], {
    operation: 'history head',
    okExitCodes: [128],
  });
  const [commit, tree] = r.stdout.trim().split(' ');
  if (r.exitCode === 0 && commit && tree) return { commit, tree };
  // A timeline ref that names nothing readable: an empty history here would record every file as new (and tool
  // files as gone), so the snapshot stops instead.
  if (refBroken(repo.gitDir, recorded)) throw brokenRef(repo.gitDir, r.stderr);
  return undefined;
}

/** Commits made by this process, by history dir: a commit id names its tree for ever. */
const lastHeads = new Map<string, { commit: string; tree: string }>();

/** Notes the commit this process just moved the timeline to (see headState). */
export function rememberHead(gitDir: string, commit: string, tree: string): void {
  lastHeads.set(gitDir, { commit, tree });
}

/** What records the timeline ref (a loose ref file's text or a packed-refs line), readable or not; or undefined. */
function refRecord(gitDir: string): string | undefined {
  const loose = readLooseRef(gitDir);
  if (loose !== undefined) return `loose ${loose}`;
  const packed = readOr(path.join(gitDir, 'packed-refs')) ?? '';
  return packed.split('\n').find((l) => l.trimEnd().endsWith(` ${HISTORY_REF}`));
}

/**
 * Whether a failed read of the timeline means damage: the ref was recorded before the read and still is, unchanged
 * (a ref another process created or moved meanwhile is not damage; the reader just saw the moment before).
 */
function refBroken(gitDir: string, before: string | undefined): boolean {
  return before !== undefined && refRecord(gitDir) === before;
}

function brokenRef(gitDir: string, stderr: string): AppError {
  return historyStoreDamaged(
    gitDir,
    stderr,
    `has a timeline (${HISTORY_REF}) that names a missing or unreadable version`,
  );
}

function readLooseRef(gitDir: string): string | undefined {
  try {
    return fs.readFileSync(path.join(gitDir, ...HISTORY_REF.split('/')), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The id of the empty tree in this store's object format (no git process for the usual SHA-1 store). */
export async function emptyTreeId(repo: HistoryRepo): Promise<string> {
  let config = '';
  try {
    config = fs.readFileSync(path.join(repo.gitDir, 'config'), 'utf8');
  } catch {
    // No config yet: ask git.
  }
  if (config && !/objectformat/i.test(config)) return '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
  return (await repo.run(['mktree'], { input: '', operation: 'history mktree' })).stdout.trim();
}

/** Resolves a user-given version (full or abbreviated id, `HEAD~2`) to a commit id, or undefined. */
export async function resolveVersion(repo: HistoryRepo, version: string): Promise<string | undefined> {
  if (!/^[A-Za-z0-9~^._/-]{1,80}$/.test(version) || version.startsWith('-')) return undefined;
  const spec =
    version === 'HEAD' || version.startsWith('HEAD~') || version.startsWith('HEAD^')
      ? HISTORY_REF + version.slice(4)
      : version;
  const r = await repo.run(['rev-parse', '--verify', '--quiet', `${spec}^{commit}`], {
    operation: 'history resolve',
    okExitCodes: [1, 128],
  });
  return r.exitCode === 0 ? r.stdout.trim() : undefined;
}

/**
 * Clears what a killed process leaves in the git dir: lock files and temp objects. Only safe while the
 * workspace lock is held, since then no other process of ours is running git on this repository.
 */
export function clearStaleGitLocks(gitDir: string): ReadonlyArray<string> {
  const removed: string[] = [];
  const visit = (dir: string, depth: number) => {
    let ents: fs.Dirent[];
    try {
      ents = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of ents) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory() && depth < 6 && e.name !== 'pack') visit(abs, depth + 1);
      else if (
        e.isFile() &&
        (e.name.endsWith('.lock') ||
          e.name.startsWith('tmp_obj_') ||
          e.name.startsWith('tmp-index-') ||
          e.name.includes('.aicfg-tmp-'))
      ) {
        fs.rmSync(abs, { force: true });
        removed.push(path.relative(gitDir, abs));
      }
    }
  };
  visit(gitDir, 0);
  return removed;
}
