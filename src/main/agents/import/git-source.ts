import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { isGitUrl } from '../../../shared/import-target';
import { git } from '../../git/core';
import { checkGitTransport } from '../../git/url-policy';
import type { Logger } from '../../observability/logger';

/** A repository's name from its URL or path: the last segment without `.git` (case kept), or "repo". */
export function repoLabel(url: string): string {
  const last =
    url
      .replace(/[?#].*$/, '')
      .replace(/[\\/]+$/, '')
      .split(/[/\\:]/)
      .pop() ?? '';
  return last.replace(/\.git$/i, '') || 'repo';
}

/** Refuses a URL that carries credentials: a token must never be in a URL, a log line or an error. */
function refuseCredentials(url: string): void {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/@]*)@/.exec(url);
  if (!m) return;
  const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
  if (m[1]!.includes(':') || scheme === 'http' || scheme === 'https')
    throw new AppError(
      'INVALID_REQUEST',
      'The repository URL holds a user name, password or token; it was not used.',
      'Give the URL without credentials (https://host/owner/repo.git), or an SSH URL (git@host:owner/repo.git).',
      { field: 'url' },
    );
}

/** Whether a folder is a bare Git repository: named `*.git`, with HEAD and objects/ (imported by cloning it). */
export function isBareRepo(dir: string): boolean {
  return (
    /\.git[\\/]?$/i.test(dir) &&
    fs.statSync(path.join(dir, 'HEAD'), { throwIfNoEntry: false })?.isFile() === true &&
    fs.statSync(path.join(dir, 'objects'), { throwIfNoEntry: false })?.isDirectory() === true
  );
}

/** Hints for an import's clone: the library's (--ssh-key, --token-env, --accept-host-key) do not apply here. */
const IMPORT_HINTS: Partial<Record<ErrorCode, string>> = {
  HOST_KEY_UNKNOWN:
    'Check and trust the host key once (run `ssh -T git@HOST` or `git ls-remote URL` in a terminal), then import again.',
  AUTH_FAILED:
    'An import clones without stored tokens: use an SSH URL with your key loaded in the SSH agent, or a public URL.',
  REPO_NOT_FOUND: 'Check the URL; a local repository can be given as file:///path/to/repo.git.',
  NOT_A_GIT_REPO: 'Check the URL; a local repository can be given as file:///path/to/repo.git.',
};

function forImport(e: unknown): unknown {
  if (!(e instanceof AppError) || !IMPORT_HINTS[e.code]) return e;
  return new AppError(e.code, e.message, IMPORT_HINTS[e.code]!, e.details ? { ...e.details } : undefined);
}

export interface CloneForImportOptions {
  readonly logger?: Logger;
  readonly signal?: AbortSignal;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Clones `url` shallow (depth 1) into a fresh temp folder with real git, runs `fn` on the checkout with the
 * repository's name, and deletes the temp folder afterwards, also when the clone or `fn` fails. No credential
 * helper is asked and git never prompts; a git failure is a coded AppError (REPO_NOT_FOUND, AUTH_FAILED,
 * NETWORK_UNREACHABLE, ...), its text redacted by git().
 */
export async function withGitCheckout<T>(
  url: string,
  opts: CloneForImportOptions,
  fn: (dir: string, label: string) => Promise<T>,
): Promise<T> {
  checkGitTransport(url);
  refuseCredentials(url);
  if (!isGitUrl(url) && !path.isAbsolute(url))
    throw new AppError(
      'INVALID_REQUEST',
      `"${url}" is neither a Git URL nor an absolute path to a repository.`,
      'Give an https://, ssh:// or file:// URL, user@host:path, or the absolute path of a bare repository.',
      { field: 'url' },
    );
  const label = repoLabel(url);
  const tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'aicfg-import-'));
  const dest = path.join(tmp, label.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^\.+/, '') || 'repo');
  try {
    await git(['-c', 'credential.helper=', 'clone', '--depth', '1', '--no-tags', '--single-branch', '--', url, dest], {
      cwd: tmp,
      operation: 'clone',
      ...(opts.env ? { env: opts.env } : {}),
      ...(opts.logger ? { logger: opts.logger } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    }).catch((e: unknown) => {
      throw forImport(e);
    });
    return await fn(dest, label);
  } finally {
    await fs.promises.rm(tmp, { recursive: true, force: true });
  }
}
