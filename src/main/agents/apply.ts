import fs from 'node:fs';
import path from 'node:path';
import { writeAtomic, writeNewAtomicSync } from '../workspace/atomic-write';
import type { PlannedFile } from './plan';

/** New files written between two turns of the event loop, so a big install never blocks it for long. */
const CREATE_BATCH = 64;

/**
 * Writes (or deletes) every changed file atomically. If one fails, the files already written are put
 * back as they were, so a failure mid-way leaves the old state; then the error is rethrown.
 *
 * Files that existed are replaced with writeAtomic (temp file, fsync, rename: the old content can never be lost),
 * several at once so the waits overlap. New files have no old content to protect: each is still written to a temp
 * file and renamed, but synchronously and in batches, with each folder created once, since for a thousand small
 * files the thread-pool round trips (mkdir, realpath, open, write, close, rename) cost far more than the writes.
 */
export async function applyFiles(
  files: ReadonlyArray<PlannedFile>,
  concurrency = 16,
  privatePaths?: ReadonlySet<string>,
): Promise<number> {
  /** Files that hold a resolved secret are readable only by their owner. */
  const mode = (f: PlannedFile) => (privatePaths?.has(f.path) ? { mode: 0o600 } : {});
  const done: PlannedFile[] = [];
  const todo = files.filter((f) => f.after !== f.before);
  const created = todo.filter((f) => f.before === undefined && f.after !== undefined);
  const replaced = todo.filter((f) => !(f.before === undefined && f.after !== undefined));
  try {
    await createAll(created, done, mode);
    await replaceAll(replaced, done, concurrency, mode);
    return done.length;
  } catch (e) {
    for (const f of done.reverse()) {
      try {
        if (f.before === undefined) await fs.promises.rm(f.path, { force: true });
        else await writeAtomic(f.path, f.before);
      } catch {
        // Best effort: the history snapshot taken before the change still holds the old content.
      }
    }
    throw e;
  }
}

type ModeOf = (f: PlannedFile) => { mode?: number };

async function createAll(files: ReadonlyArray<PlannedFile>, done: PlannedFile[], mode: ModeOf): Promise<void> {
  const madeDirs = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    if (i > 0 && i % CREATE_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
    const f = files[i]!;
    const dir = path.dirname(f.path);
    if (!madeDirs.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    writeNewAtomicSync(f.path, f.after!, mode(f));
    done.push(f);
  }
}

async function replaceAll(
  files: ReadonlyArray<PlannedFile>,
  done: PlannedFile[],
  concurrency: number,
  mode: ModeOf,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < files.length) {
      const f = files[next++]!;
      try {
        if (f.after === undefined) await fs.promises.rm(f.path, { force: true });
        // fsynced before the rename so the old content can never be lost.
        else await writeAtomic(f.path, f.after, { fsync: true, ...mode(f) });
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

/** The file's text, or undefined when it does not exist. */
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
