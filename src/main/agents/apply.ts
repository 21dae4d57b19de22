import fs from 'node:fs';
import { writeAtomic } from '../workspace/atomic-write';
import type { PlannedFile } from './plan';

/**
 * Writes (or deletes) every changed file atomically. If one fails, the files already written are put
 * back as they were, so a failure mid-way leaves the old state; then the error is rethrown.
 */
export async function applyFiles(files: ReadonlyArray<PlannedFile>, concurrency = 16): Promise<number> {
  const done: PlannedFile[] = [];
  const todo = files.filter((f) => f.after !== f.before);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < todo.length) {
      const f = todo[next++]!;
      try {
        if (f.after === undefined) await fs.promises.rm(f.path, { force: true });
        // A new file replaces nothing, so it skips the fsync (still written to a temp file and renamed);
        // a file that existed is fsynced before the rename so its old content can never be lost.
        else await writeAtomic(f.path, f.after, { fsync: f.before !== undefined });
        done.push(f);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  try {
    // Several atomic writes at once: each still fsyncs and renames, but the waits overlap.
    const workers = Array.from({ length: Math.min(concurrency, todo.length) }, worker);
    const results = await Promise.allSettled(workers);
    const bad = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (bad) {
      failed = true;
      throw bad.reason;
    }
    return done.length;
  } catch (e) {
    failed = true;
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

/** The file's text, or undefined when it does not exist. */
export function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw e;
  }
}
