import fs from 'node:fs';
import { removeInRoot, writeInRoot, writeInRootSync } from '../workspace/boundary';
import { isBinaryTag } from './binary-content';
import { rootsFor, type RootOf } from './fs-roots';
import type { PlannedFile } from './plan';

/** New files written between two turns of the event loop, so a big install never blocks it for long. */
const CREATE_BATCH = 64;

/**
 * Writes (or deletes) every changed file atomically. If one fails, the files already written are put
 * back as they were, so a failure mid-way leaves the old state; then the error is rethrown.
 *
 * Files that existed are replaced with writeInRoot (temp file, fsync, rename: the old content can never be lost),
 * several at once so the waits overlap. New files have no old content to protect: each is still written to a temp
 * file and renamed, but synchronously and in batches (no fsync), since for a thousand small
 * files the thread-pool round trips (mkdir, realpath, open, write, close, rename) cost far more than the writes.
 * Every write goes through the filesystem boundary against `rootOf(file)`: never through a symlink.
 */
export async function applyFiles(
  files: ReadonlyArray<PlannedFile>,
  opts: {
    readonly rootOf?: RootOf;
    readonly concurrency?: number;
    /** Files that hold a resolved secret: readable only by their owner (0600). */
    readonly privatePaths?: ReadonlySet<string>;
  } = {},
): Promise<number> {
  const rootOf = opts.rootOf ?? rootsFor();
  const concurrency = opts.concurrency ?? 16;
  // A file holding a secret is owner-only even when it is also a script.
  const mode: ModeOf = (f) => (opts.privatePaths?.has(f.path) ? { mode: 0o600 } : f.executable ? { mode: 0o755 } : {});
  const done: PlannedFile[] = [];
  const todo = files.filter((f) => f.after !== f.before);
  const created = todo.filter((f) => f.before === undefined && f.after !== undefined);
  const replaced = todo.filter((f) => !(f.before === undefined && f.after !== undefined));
  try {
    await createAll(created, done, rootOf, mode);
    await replaceAll(replaced, done, rootOf, concurrency, mode);
    return done.length;
  } catch (e) {
    for (const f of done.reverse()) {
      try {
        if (f.before === undefined) await removeInRoot(rootOf(f.path), f.path);
        // A binary file's bytes are in the journal (its `before` is only their tag): its recovery puts them back.
        else if (!isBinaryTag(f.before)) await writeInRoot(rootOf(f.path), f.path, f.before);
      } catch {
        // Best effort: the history snapshot taken before the change still holds the old content.
      }
    }
    throw e;
  }
}

type ModeOf = (f: PlannedFile) => { mode?: number };

async function createAll(
  files: ReadonlyArray<PlannedFile>,
  done: PlannedFile[],
  rootOf: RootOf,
  mode: ModeOf,
): Promise<void> {
  for (let i = 0; i < files.length; i++) {
    if (i > 0 && i % CREATE_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
    const f = files[i]!;
    writeInRootSync(rootOf(f.path), f.path, f.bytes ?? f.after!, { fsync: false, ...mode(f) });
    done.push(f);
  }
}

async function replaceAll(
  files: ReadonlyArray<PlannedFile>,
  done: PlannedFile[],
  rootOf: RootOf,
  concurrency: number,
  mode: ModeOf,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < files.length) {
      const f = files[next++]!;
      try {
        if (f.after === undefined) await removeInRoot(rootOf(f.path), f.path);
        // fsynced before the rename so the old content can never be lost.
        else await writeInRoot(rootOf(f.path), f.path, f.bytes ?? f.after, { fsync: true, ...mode(f) });
        done.push(f);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  const bad = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (bad) throw bad.reason;
}

/** The text of one of the app's own files (manifest, journal), or undefined when it does not exist. */
export function readText(file: string): string | undefined {
  try {
    // A first install asks about thousands of files that are not there yet: a stat that returns undefined is much
    // cheaper than a read that throws (each ENOENT builds an Error with a stack). A file that goes between the stat
    // and the read still lands in the catch.
    if (!fs.statSync(file, { throwIfNoEntry: false })) return undefined;
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw e;
  }
}
