import fs from 'node:fs';
import path from 'node:path';
import { git } from '../git/core';
import type { Logger } from '../observability/logger';
import { pidAlive } from '../workspace/lock';

export interface CloneProgress {
  readonly phase: string;
  readonly percent?: number;
}

const PROGRESS = /^(?:remote: )?([A-Za-z][A-Za-z ]+?):\s+(\d{1,3})%/;

/** Parses git's `--progress` stderr (lines separated by \r or \n) into phases and percents. */
export function parseGitProgress(chunk: string): CloneProgress[] {
  const out: CloneProgress[] = [];
  for (const line of chunk.split(/[\r\n]+/)) {
    const m = PROGRESS.exec(line.trim());
    if (m) out.push({ phase: m[1]!.trim(), percent: Math.min(100, Number(m[2])) });
  }
  return out;
}

export interface CloneOptions {
  readonly url: string;
  readonly dest: string;
  readonly branch?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly logger?: Logger;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: CloneProgress) => void;
}

/**
 * Clones into a temp folder beside `dest` and renames it into place only when git succeeded,
 * so a failed or cancelled clone leaves nothing half-made.
 */
export async function cloneRepo(opts: CloneOptions): Promise<void> {
  const tmp = `${opts.dest}.clone-${process.pid}-${Date.now()}`;
  await fs.promises.mkdir(path.dirname(opts.dest), { recursive: true });
  try {
    await git(
      [
        '-c',
        'credential.helper=',
        'clone',
        '--progress',
        ...(opts.branch ? ['--branch', opts.branch] : []),
        '--',
        opts.url,
        tmp,
      ],
      {
        cwd: path.dirname(opts.dest),
        operation: 'clone',
        ...(opts.env ? { env: opts.env } : {}),
        ...(opts.logger ? { logger: opts.logger } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
        onStderr: (chunk) => {
          for (const p of parseGitProgress(chunk)) opts.onProgress?.(p);
        },
      },
    );
    await fs.promises.rename(tmp, opts.dest);
  } catch (e) {
    await fs.promises.rm(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Removes `<name>.clone-<pid>-<time>` folders left by a clone whose process was killed. */
export async function removeStaleClones(libraryDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.promises.readdir(libraryDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const n of names) {
    const m = /\.clone-(\d+)-\d+$/.exec(n);
    if (m && !pidAlive(Number(m[1]))) {
      await fs.promises.rm(path.join(libraryDir, n), { recursive: true, force: true });
      removed.push(n);
    }
  }
  return removed;
}

/** A source name from a repository URL: its last path segment without `.git`, made safe. */
export function sourceNameFromUrl(url: string): string {
  const last =
    url
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split(/[/:]/)
      .pop() ?? '';
  const name = last
    .replace(/\.git$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 64);
  return name && name !== 'starter' && name !== 'personal' ? name : 'team';
}
