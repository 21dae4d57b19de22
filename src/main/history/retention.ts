import type { PruneResult } from '../../shared/ipc/channels/history';
import { HISTORY_REF, headVersion, type HistoryRepo } from './repo';

export interface DatedVersion {
  readonly id: string;
  readonly date: Date;
}

/**
 * The retention rule: every version newer than `days` days, and for older ones the newest of each (UTC)
 * day. The newest version is always kept. Input and output are oldest first.
 */
export function versionsToKeep(versions: ReadonlyArray<DatedVersion>, now: Date, days: number): Set<string> {
  const cutoff = now.getTime() - days * 86_400_000;
  const keep = new Set<string>();
  const newestOfDay = new Map<string, string>();
  for (const v of versions) {
    if (v.date.getTime() >= cutoff) keep.add(v.id);
    else newestOfDay.set(v.date.toISOString().slice(0, 10), v.id);
  }
  for (const id of newestOfDay.values()) keep.add(id);
  const last = versions[versions.length - 1];
  if (last) keep.add(last.id);
  return keep;
}

/**
 * Thins the timeline by the retention rule: the kept versions are re-chained (same trees, messages and
 * dates) and unreachable data is removed. Kept versions after the first removed one get new ids.
 */
export async function pruneHistory(
  repo: HistoryRepo,
  opts: { now: Date; days: number; dryRun: boolean },
): Promise<PruneResult> {
  const head = await headVersion(repo);
  if (!head) return { dryRun: opts.dryRun, retentionDays: opts.days, kept: 0, removed: 0, renamed: {} };
  const raw = (
    await repo.run(['log', '--first-parent', '--reverse', '-z', '--format=%H%x1f%T%x1f%aI%x1f%cI%x1f%B', HISTORY_REF], {
      operation: 'history prune list',
    })
  ).stdout;
  const all = raw
    .split('\0')
    .filter((r) => r.trim())
    .map((r) => {
      const [id, tree, authored, committed, body] = r.split('\x1f');
      return {
        id: id!.trim(),
        tree: tree!,
        authored: authored!,
        committed: committed!,
        body: body ?? '',
        date: new Date(committed!),
      };
    });
  const keep = versionsToKeep(all, opts.now, opts.days);
  const removed = all.length - keep.size;
  if (opts.dryRun || removed === 0)
    return { dryRun: opts.dryRun, retentionDays: opts.days, kept: keep.size, removed, renamed: {} };

  const renamed: Record<string, string> = {};
  let parent: string | undefined;
  let rewriting = false;
  for (const c of all) {
    if (!keep.has(c.id)) {
      rewriting = true;
      continue;
    }
    if (!rewriting) {
      parent = c.id;
      continue;
    }
    const env = { GIT_AUTHOR_DATE: c.authored, GIT_COMMITTER_DATE: c.committed };
    const id = (
      await repo.run(['commit-tree', c.tree, ...(parent ? ['-p', parent] : []), '-F', '-'], {
        input: c.body,
        env,
        operation: 'history prune commit',
      })
    ).stdout.trim();
    renamed[c.id] = id;
    parent = id;
  }
  await repo.run(['update-ref', '-m', 'prune', HISTORY_REF, parent!, head], { operation: 'history prune update-ref' });
  await repo.run(['reflog', 'expire', '--expire=now', '--all'], { operation: 'history prune reflog' });
  await repo.run(['gc', '--prune=now', '--quiet'], { operation: 'history prune gc' });
  return { dryRun: false, retentionDays: opts.days, kept: keep.size, removed, renamed };
}
