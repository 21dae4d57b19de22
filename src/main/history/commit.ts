import { emptyTreeId, HISTORY_REF, rememberHead, type HistoryRepo } from './repo';
import { displayPath } from './tool-paths';

/** Why a version was made: before or after an operation, a change the watcher saw, a rollback, an import. */
export type VersionPhase = 'before' | 'after' | 'watch' | 'rollback' | 'import' | 'manual';

export interface VersionMeta {
  readonly operation: string;
  readonly correlationId: string;
  readonly phase: VersionPhase;
  readonly message?: string;
}

/** A changed file between two trees, by tree path. */
export interface ChangedPath {
  readonly status: 'added' | 'modified' | 'deleted';
  readonly path: string;
}

const STATUS: Record<string, ChangedPath['status']> = { A: 'added', M: 'modified', D: 'deleted', T: 'modified' };

/** The files that differ between two trees (either may be undefined for the empty tree). */
export async function changedPaths(
  repo: HistoryRepo,
  fromTree: string | undefined,
  toTree: string,
  onlyPath?: string,
): Promise<ChangedPath[]> {
  const from = fromTree ?? (await emptyTreeId(repo));
  const r = await repo.run(
    ['diff-tree', '-r', '-z', '--no-renames', '--name-status', from, toTree, ...(onlyPath ? ['--', onlyPath] : [])],
    { operation: 'history diff-tree' },
  );
  const parts = r.stdout.split('\0').filter((x) => x !== '');
  const out: ChangedPath[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2)
    out.push({ status: STATUS[parts[i]!] ?? 'modified', path: parts[i + 1]! });
  return out;
}

const MAX_FILES_IN_MESSAGE = 200;

/** The commit message: a subject naming the operation and its correlation id, then trailers for `--json`. */
export function formatMessage(meta: VersionMeta, files: ReadonlyArray<ChangedPath>): string {
  const text = (meta.message ?? defaultText(meta, files)).replace(/\s+/g, ' ').slice(0, 200);
  const subject = `${meta.operation} (${meta.phase}): ${text}`;
  const listed = files.slice(0, MAX_FILES_IN_MESSAGE).map((f) => ({ s: f.status[0], p: displayPath(f.path) }));
  return [
    subject,
    '',
    `Operation: ${meta.operation}`,
    `Correlation-Id: ${meta.correlationId}`,
    `Phase: ${meta.phase}`,
    `Files-Changed: ${files.length}`,
    `Files: ${JSON.stringify(listed)}`,
    '',
  ].join('\n');
}

function defaultText(meta: VersionMeta, files: ReadonlyArray<ChangedPath>): string {
  if (!files.length) return `state ${meta.phase} ${meta.operation}`;
  const names = files.slice(0, 3).map((f) => displayPath(f.path));
  const more = files.length > 3 ? ', …' : '';
  return `${files.length} file${files.length === 1 ? '' : 's'} changed: ${names.join(', ')}${more}`;
}

/** Commits `tree` on top of `parent` and moves the timeline to it (compare-and-swap on the ref). */
export async function commitVersion(
  repo: HistoryRepo,
  tree: string,
  parents: ReadonlyArray<string>,
  message: string,
  date?: Date,
): Promise<string> {
  const env = date ? { GIT_AUTHOR_DATE: date.toISOString(), GIT_COMMITTER_DATE: date.toISOString() } : {};
  const id = (
    await repo.run(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'], {
      input: message,
      env,
      operation: 'history commit',
    })
  ).stdout.trim();
  await repo.run(['update-ref', '-m', 'history', HISTORY_REF, id, parents[0] ?? ''], {
    operation: 'history update-ref',
  });
  rememberHead(repo.gitDir, id, tree);
  return id;
}
