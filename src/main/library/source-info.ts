import fs from 'node:fs';
import path from 'node:path';
import type { SourceSettings } from '../../shared/settings';
import type { SourceInfo } from '../../shared/sources';
import { aheadBehind, commitInfo, currentBranch, localChanges } from './git-ops';
import { readSourceState } from './source-state';
import type { SourcesContext } from './sources-context';

/** The status of one source: settings, versions trail, HEAD, local edits, ahead/behind upstream. */
export async function sourceInfo(sc: SourcesContext, s: SourceSettings, precedence: number): Promise<SourceInfo> {
  const { paths, deps } = sc;
  const dir = paths.sourceDir(s.name);
  const st = readSourceState(paths.state, s.name);
  const base = {
    name: s.name,
    kind: s.kind,
    url: s.kind === 'starter' ? 'embedded starter library' : s.url,
    ...(s.branch ? { branch: s.branch } : {}),
    ...(s.pinned ? { pinned: s.pinned } : {}),
    ...(st.lastUpdate ? { lastUpdate: st.lastUpdate } : {}),
    ...(st.lastFetch ? { lastFetch: st.lastFetch } : {}),
    conflicts: st.conflicts,
    auth: s.sshKey
      ? ('ssh-key' as const)
      : s.tokenEnv
        ? ('token-env' as const)
        : s.tokenRef
          ? ('token-stored' as const)
          : ('none' as const),
    canRollback: st.position > 0,
    canRollforward: st.position >= 0 && st.position < st.trail.length - 1,
    precedence,
    ignore: s.ignore ?? [],
  };
  if (!fs.existsSync(path.join(dir, '.git'))) return { ...base, present: false, localChanges: [] };
  const r = sc.repo(s);
  try {
    const [head, branch, changes] = await Promise.all([
      commitInfo(r, 'HEAD'),
      s.branch ? Promise.resolve(s.branch) : currentBranch(r),
      localChanges(r),
    ]);
    const counts = s.kind === 'git' ? await aheadBehind(r, `refs/remotes/origin/${branch}`) : undefined;
    return {
      ...base,
      branch,
      present: true,
      localChanges: changes,
      ...(head ? { commit: head.hash, commitSubject: head.subject, commitDate: head.date } : {}),
      ...(counts ? { ahead: counts.ahead, behind: counts.behind } : {}),
    };
  } catch (e) {
    deps.logger.warn('source status failed', { source: s.name, error: e instanceof Error ? e.message : String(e) });
    return { ...base, present: false, localChanges: [] };
  }
}

/** The status of the configured source `name`, with its precedence (its place in settings). */
export async function sourceInfoOf(sc: SourcesContext, name: string): Promise<SourceInfo> {
  const all = sc.settings().sources;
  const i = all.findIndex((x) => x.name === name);
  return sourceInfo(sc, all[i]!, i);
}

/** The status of every configured source, in precedence order. */
export async function listSources(sc: SourcesContext): Promise<SourceInfo[]> {
  const all = sc.settings().sources;
  return Promise.all(all.map((s, i) => sourceInfo(sc, s, i)));
}
