import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
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
    });
    return await fn(dest, label);
  } finally {
    await fs.promises.rm(tmp, { recursive: true, force: true });
  }
}
