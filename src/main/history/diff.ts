import type { DiffResult, FileDiff } from '../../shared/ipc/channels/history';
import { changedPaths } from './commit';
import type { HistoryRepo } from './repo';
import { displayPath, TOOLS_MANIFEST } from './tool-paths';

/** Larger sides are not sent for the side-by-side view (the patch still names the file). */
const MAX_SIDE_BYTES = 512 * 1024;

async function blobText(
  repo: HistoryRepo,
  treeish: string,
  path: string,
): Promise<{ text: string; binary: boolean; truncated: boolean }> {
  const r = await repo.run(['cat-file', 'blob', `${treeish}:${path}`], {
    binary: true,
    operation: 'history read',
    okExitCodes: [128],
  });
  if (r.exitCode !== 0) return { text: '', binary: false, truncated: false };
  const buf = r.stdoutBuffer;
  if (buf.subarray(0, 8000).includes(0)) return { text: '', binary: true, truncated: false };
  if (buf.length > MAX_SIDE_BYTES)
    return { text: buf.subarray(0, MAX_SIDE_BYTES).toString('utf8'), binary: false, truncated: true };
  return { text: buf.toString('utf8'), binary: false, truncated: false };
}

/**
 * The difference between two trees: per file both sides (for the UI) and a unified patch (for the CLI),
 * optionally limited to one tree path. Tool files are shown by their real path.
 */
export async function diffTrees(
  repo: HistoryRepo,
  fromTree: string,
  toTree: string,
  labels: { from: string; to: string },
  onlyPath?: string,
): Promise<DiffResult> {
  const changed = (await changedPaths(repo, fromTree, toTree, onlyPath)).filter((c) => c.path !== TOOLS_MANIFEST);
  const files: FileDiff[] = [];
  for (const c of changed) {
    const before =
      c.status === 'added' ? { text: '', binary: false, truncated: false } : await blobText(repo, fromTree, c.path);
    const after =
      c.status === 'deleted' ? { text: '', binary: false, truncated: false } : await blobText(repo, toTree, c.path);
    files.push({
      path: displayPath(c.path),
      status: c.status,
      binary: before.binary || after.binary,
      truncated: before.truncated || after.truncated,
      before: before.text,
      after: after.text,
    });
  }
  const patchArgs = [
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--no-renames',
    fromTree,
    toTree,
    '--',
    ...(onlyPath ? [onlyPath] : ['.', `:(exclude)${TOOLS_MANIFEST}`]),
  ];
  const raw = (await repo.run(patchArgs, { operation: 'history diff' })).stdout;
  const patch = raw.replace(
    /^(diff --git a\/|--- a\/|\+\+\+ b\/)(\.ai-config-tools\/f\/\S+)(?: b\/\S+)?/gm,
    (_m, pre: string, p: string) => `${pre}${displayPath(p)}`,
  );
  return { from: labels.from, to: labels.to, files, patch };
}
