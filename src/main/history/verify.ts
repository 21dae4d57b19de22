import type { CorruptVersion, VerifyReport } from '../../shared/ipc/channels/history';
import { parseVersion } from './log';
import type { HistoryRepo } from './repo';
import { blobId } from './pack';
import { readBlobs } from './restore';

const OID = /\b[0-9a-f]{40}\b/g;

/** Every blob re-read and re-hashed; resolves to the ids whose content does not match its name (or cannot be read). */
async function rehashBlobs(repo: HistoryRepo): Promise<{ checked: number; bad: string[]; problems: string[] }> {
  const list = await repo.run(['cat-file', '--batch-all-objects', '--batch-check=%(objectname) %(objecttype)'], {
    operation: 'history verify list',
    okExitCodes: [1, 128],
  });
  const blobs = list.stdout
    .split('\n')
    .filter((l) => l.endsWith(' blob'))
    .map((l) => l.slice(0, 40));
  const bad: string[] = [];
  const problems: string[] = [];
  // Fast path: one process streams every blob; if an object cannot even be read, check them one by one.
  let all: Map<string, Buffer> | undefined;
  try {
    all = await readBlobs(repo, blobs);
  } catch {
    all = undefined;
  }
  for (const id of blobs) {
    let data = all?.get(id);
    if (!data) {
      const r = await repo.run(['cat-file', 'blob', id], {
        binary: true,
        operation: 'history verify read',
        okExitCodes: [1, 128],
      });
      if (r.exitCode !== 0) {
        bad.push(id);
        problems.push(`object ${id} cannot be read: ${r.stderr.trim().split('\n')[0] ?? ''}`);
        continue;
      }
      data = r.stdoutBuffer;
    }
    const actual = blobId(data);
    if (actual !== id) {
      bad.push(id);
      problems.push(`object ${id} holds content whose hash is ${actual}`);
    }
  }
  return { checked: blobs.length, bad, problems };
}

/**
 * Checks the whole history: `git fsck --full` plus re-hashing every stored file, then names each version
 * that contains a damaged or missing object.
 */
export async function verifyHistory(repo: HistoryRepo): Promise<VerifyReport> {
  const fsck = await repo.run(['fsck', '--full', '--strict', '--no-dangling', '--no-progress'], {
    operation: 'history fsck',
    okExitCodes: [1, 2, 3, 4, 5, 6, 7, 8, 128],
  });
  const fsckProblems = (fsck.stdout + '\n' + fsck.stderr)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(Checking|notice)/i.test(l));
  const rehash = await rehashBlobs(repo);
  const bad = new Set<string>([...rehash.bad, ...fsckProblems.flatMap((l) => l.match(OID) ?? [])]);

  const log = await repo.run(['log', '-z', '--format=%H%x1f%cI%x1f%B', '--all'], {
    operation: 'history verify log',
    okExitCodes: [128],
  });
  const corruptVersions: CorruptVersion[] = [];
  let versions = 0;
  for (const rec of log.stdout.split('\0')) {
    if (!rec.trim()) continue;
    versions++;
    const [id, date, body] = rec.split('\x1f');
    const commit = id!.trim();
    const objects: string[] = bad.has(commit) ? [commit] : [];
    const tree = await repo.run(['ls-tree', '-r', '-t', commit], {
      operation: 'history verify tree',
      okExitCodes: [128],
    });
    if (tree.exitCode !== 0) objects.push(`tree of ${commit}`);
    for (const line of tree.stdout.split('\n')) {
      const sha = line.split(/\s+/)[2];
      if (sha && bad.has(sha)) objects.push(`${sha} ${line.slice(line.indexOf('\t') + 1)}`);
    }
    if (objects.length)
      corruptVersions.push({
        id: commit,
        date: date!,
        operation: parseVersion(commit, date!, body ?? '').operation,
        objects,
      });
  }
  if (fsck.exitCode !== 0 && log.exitCode !== 0) fsckProblems.push('the timeline itself cannot be read');
  const problems = [...new Set([...fsckProblems, ...rehash.problems])];
  return {
    ok: fsck.exitCode === 0 && problems.length === 0 && corruptVersions.length === 0,
    versions,
    objectsChecked: rehash.checked,
    problems,
    corruptVersions,
  };
}
