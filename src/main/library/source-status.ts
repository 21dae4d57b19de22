import fs from 'node:fs';
import path from 'node:path';
import type { SourceStatus } from '../../shared/library';
import type { SourceSettings } from '../../shared/settings';
import { git } from '../git/core';
import type { Logger } from '../observability/logger';

/** What is on disk for one configured source: present or not, current commit and its date. */
export async function sourceStatus(source: SourceSettings, dir: string, logger?: Logger): Promise<SourceStatus> {
  const base = {
    name: source.name,
    kind: source.kind,
    url: source.kind === 'starter' ? 'embedded starter library' : source.url,
    ...(source.branch ? { branch: source.branch } : {}),
    ...(source.pinned ? { pinned: source.pinned } : {}),
  };
  if (!fs.existsSync(path.join(dir, '.git'))) return { ...base, present: false };
  try {
    const { stdout } = await git(['log', '-1', '--format=%H%n%cI'], {
      cwd: dir,
      operation: 'source status',
      ...(logger ? { logger } : {}),
    });
    const [commit, commitDate] = stdout.trim().split('\n');
    const branch =
      source.branch ??
      (await git(['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: dir, operation: 'source branch' })).stdout.trim();
    return { ...base, branch, present: true, ...(commit ? { commit } : {}), ...(commitDate ? { commitDate } : {}) };
  } catch {
    return { ...base, present: false };
  }
}
