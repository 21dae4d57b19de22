import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { classifyGitError, isDiskFullText } from '../git/errors';
import { historyStoreDamaged, STORE_WRITE_FAILED } from './damaged';
import { writeBlobs } from './pack';
import { emptyTreeId, type HistoryRepo } from './repo';
import { TOOLS_MANIFEST, toolEntry, toolPathOf } from './tool-paths';

/** One entry of a version's tree. */
export interface TreeEntry {
  readonly mode: string;
  readonly sha: string;
  readonly path: string;
}

/** Every file of a tree (or commit), recursively; optionally limited to one path. */
export async function listTree(repo: HistoryRepo, treeish: string, onlyPath?: string): Promise<TreeEntry[]> {
  const r = await repo.run(['ls-tree', '-r', '-z', '--full-tree', treeish, ...(onlyPath ? ['--', onlyPath] : [])], {
    operation: 'history ls-tree',
  });
  const out: TreeEntry[] = [];
  for (const rec of r.stdout.split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [mode, , sha] = rec.slice(0, tab).split(' ');
    out.push({ mode: mode!, sha: sha!, path: rec.slice(tab + 1) });
  }
  return out;
}

/** The tool paths a tree records (its manifest), including those absent at that version. */
export async function manifestOf(repo: HistoryRepo, treeish: string | undefined): Promise<string[]> {
  if (!treeish) return [];
  // Commit and tree ids name immutable content, so the answer can be kept for the life of the process.
  const key = `${repo.gitDir}\0${treeish}`;
  const cached = /^[0-9a-f]{40}$/.test(treeish) ? manifests.get(key) : undefined;
  if (cached) return [...cached];
  const r = await repo.run(['cat-file', '-p', `${treeish}:${TOOLS_MANIFEST}`], {
    operation: 'history manifest',
    okExitCodes: [128],
  });
  let list: string[] = [];
  // No manifest at that version is normal (no tool file yet); an unreadable one would drop every tracked tool file
  // from the next snapshot, recording them as deleted, so it stops the snapshot instead.
  if (r.exitCode !== 0 && !/does not exist in/.test(r.stderr))
    throw historyStoreDamaged(repo.gitDir, r.stderr, `cannot read the tool-file list of version ${treeish}`);
  if (r.exitCode === 0) {
    try {
      const v = JSON.parse(r.stdout) as unknown;
      if (!Array.isArray(v)) throw new Error('not a list');
      list = v.filter((x): x is string => typeof x === 'string');
    } catch {
      throw historyStoreDamaged(repo.gitDir, '', `holds an unreadable tool-file list at version ${treeish}`);
    }
  }
  if (/^[0-9a-f]{40}$/.test(treeish)) {
    if (manifests.size > 1000) manifests.clear();
    manifests.set(key, list);
  }
  return [...list];
}

const manifests = new Map<string, ReadonlyArray<string>>();

/** Records the manifest of a commit this process made, so the next snapshot need not read it back. */
export function rememberManifest(repo: HistoryRepo, commit: string, tracked: ReadonlyArray<string>): void {
  if (manifests.size > 1000) manifests.clear();
  manifests.set(`${repo.gitDir}\0${commit}`, [...tracked]);
}

/** The parts of a tree written by writeTreeParts. */
export interface CurrentTree {
  readonly tree: string;
  /** The personal workspace's own tree (without the tool copies). */
  readonly personal: string;
  /** The tool paths the tree's manifest records. */
  readonly tracked: ReadonlyArray<string>;
}

/**
 * Writes the tree of the current state without committing: the personal work tree (through the history
 * dir's own index, which keeps a stat cache) plus a copy of every tracked tool file. Touches neither the
 * work tree nor the tool files.
 */
export async function writeCurrentTree(
  repo: HistoryRepo,
  base: string | undefined,
  extraTools: ReadonlyArray<string>,
): Promise<string> {
  return (await writeTreeParts(repo, base, extraTools)).tree;
}

/** Throws when `git add --ignore-errors` failed for the store (disk full, unwritable objects), not for one file. */
function checkAddErrors(repo: HistoryRepo, stderr: string): void {
  if (isDiskFullText(stderr)) throw classifyGitError('history add', ['add'], 1, stderr);
  if (STORE_WRITE_FAILED.test(stderr)) throw historyStoreDamaged(repo.gitDir, stderr);
}

/** Stages the personal workspace in the history dir's index and writes its tree (the empty tree when there is none). */
export async function writePersonalTree(repo: HistoryRepo): Promise<string> {
  if (!fs.existsSync(repo.workTree())) return emptyTreeId(repo);
  // Every blob over core.bigFileThreshold goes into one pack per `git add` instead of a loose object file each:
  // the first snapshot of a thousand new files costs ~0.1 s instead of ~1 s of file creation. Ids are unchanged.
  const added = await repo.run(['-c', 'core.bigFileThreshold=1', 'add', '-A', '--ignore-errors', '--', '.'], {
    withWorkTree: true,
    operation: 'history add',
    okExitCodes: [1],
  });
  // --ignore-errors skips a file it cannot read; a store that cannot take objects must fail the snapshot instead.
  if (added.exitCode !== 0) checkAddErrors(repo, added.stderr);
  await combinePacks(repo);
  const tree = (await repo.run(['write-tree'], { operation: 'history write-tree' })).stdout.trim();
  indexOf.set(repo.gitDir, { tree, stamp: stampOf(path.join(repo.gitDir, 'index')) });
  return tree;
}

/**
 * writeCurrentTree with its parts; `knownPersonal` reuses a personal tree written moments ago (an operation that
 * writes only tool files), sparing a walk of the personal workspace.
 */
export async function writeTreeParts(
  repo: HistoryRepo,
  base: string | undefined,
  extraTools: ReadonlyArray<string>,
  knownPersonal?: string,
): Promise<CurrentTree> {
  const personalTree = knownPersonal ?? (await writePersonalTree(repo));
  const tracked = [...new Set([...(await manifestOf(repo, base)), ...extraTools.map((p) => path.resolve(p))])].sort();
  if (!tracked.length) return { tree: personalTree, personal: personalTree, tracked };

  const present: Array<{ path: string; data: Buffer; mode: string }> = [];
  for (const p of tracked) {
    const file = readFileIfAny(p);
    if (file) present.push({ path: p, mode: file.mode, data: repo.toolContent?.toHistory(p, file.data) ?? file.data });
  }
  const indexFile = path.join(repo.gitDir, `tmp-index-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  try {
    // The manifest and the tool files, those the store lacks written in one pack.
    const shas = await writeBlobs(repo, [
      Buffer.from(JSON.stringify(tracked, null, 1) + '\n'),
      ...present.map((p) => p.data),
    ]);
    const lines = [
      `100644 ${shas[0]}\t${TOOLS_MANIFEST}`,
      ...present.map((p, i) => `${p.mode} ${shas[i + 1]}\t${toolEntry(p.path)}`),
    ];
    // The personal index as `write-tree` left it holds exactly the personal tree: a copy spares a read-tree.
    const main = path.join(repo.gitDir, 'index');
    const known = indexOf.get(repo.gitDir);
    if (known && known.tree === personalTree && known.stamp && known.stamp === stampOf(main))
      fs.copyFileSync(main, indexFile);
    else await repo.run(['read-tree', personalTree], { indexFile, operation: 'history compose' });
    await repo.run(['update-index', '-z', '--index-info'], {
      indexFile,
      operation: 'history compose',
      input: lines.map((l) => l + '\0').join(''),
    });
    return {
      tree: (await repo.run(['write-tree'], { indexFile, operation: 'history compose' })).stdout.trim(),
      personal: personalTree,
      tracked,
    };
  } finally {
    fs.rmSync(indexFile, { force: true });
  }
}

/** The personal tree the history dir's index held when this process last wrote it, and the index's stamp then. */
const indexOf = new Map<string, { readonly tree: string; readonly stamp: string | undefined }>();

function stampOf(file: string): string | undefined {
  try {
    const st = fs.statSync(file, { bigint: true });
    return `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  } catch {
    return undefined;
  }
}

/** More packs than this (one per snapshot that added files) and they are combined, so lookups stay fast. */
const MAX_PACKS = 16;

/** Combines small packs geometrically (each repack touches only the small ones), keeping the store compact. */
async function combinePacks(repo: HistoryRepo): Promise<void> {
  let packs = 0;
  try {
    packs = fs.readdirSync(path.join(repo.gitDir, 'objects', 'pack')).filter((f) => f.endsWith('.pack')).length;
  } catch {
    return;
  }
  if (packs > MAX_PACKS) await repo.run(['repack', '--geometric=2', '-d', '-q'], { operation: 'history repack' });
}

/** A regular file's bytes and git mode, or undefined when there is none at the path (one stat). */
function readFileIfAny(p: string): { data: Buffer; mode: string } | undefined {
  try {
    const st = fs.statSync(p);
    return st.isFile() ? { data: fs.readFileSync(p), mode: st.mode & 0o111 ? '100755' : '100644' } : undefined;
  } catch {
    return undefined;
  }
}

/** The tree of a commit. */
export async function treeOf(repo: HistoryRepo, commit: string): Promise<string> {
  return (await repo.run(['rev-parse', `${commit}^{tree}`], { operation: 'history tree' })).stdout.trim();
}

/** Whether an entry is a tool copy rather than a personal file. */
export const isToolEntry = (p: string): boolean => toolPathOf(p) !== undefined;
