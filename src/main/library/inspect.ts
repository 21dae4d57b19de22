import type { LogEntry } from '../../shared/sources';
import { aheadBehind, currentBranch, fileDiff, headCommit, isAncestor, logOf, resolveCommit } from './git-ops';
import type { SourcesContext } from './sources-context';

/** The log of a source (HEAD and, when fetched, its upstream), marking the current and incoming commits. */
export async function sourceLog(
  sc: SourcesContext,
  name: string,
  limit = 100,
): Promise<{ source: string; entries: LogEntry[] }> {
  const s = sc.find(name);
  sc.requirePresent(s);
  const r = sc.repo(s);
  const head = await headCommit(r);
  const upstream = s.kind === 'git' ? `refs/remotes/origin/${s.branch ?? (await currentBranch(r))}` : undefined;
  const hasUpstream = upstream ? !!(await aheadBehind(r, upstream)) : false;
  const commits = await logOf(r, hasUpstream && upstream ? ['HEAD', upstream] : ['HEAD'], limit);
  const entries: LogEntry[] = await Promise.all(
    commits.map(async (c) => ({
      ...c,
      current: c.hash === head,
      incoming: c.hash !== head && !(await isAncestor(r, c.hash, head)),
    })),
  );
  return { source: name, entries };
}

/** The diff of one file of a source between two versions, or between HEAD and the work tree. */
export async function sourceDiff(
  sc: SourcesContext,
  name: string,
  file: string,
  from?: string,
  to?: string,
): Promise<{ diff: string }> {
  const s = sc.find(name);
  sc.requirePresent(s);
  const r = sc.repo(s);
  if (from || to) {
    const a = await resolveCommit(r, from ?? 'HEAD');
    const b = to ? await resolveCommit(r, to) : undefined;
    return { diff: await fileDiff(r, a, b, file) };
  }
  return { diff: await fileDiff(r, 'HEAD', undefined, file) };
}
