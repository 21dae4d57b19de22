import fs from 'node:fs';
import { writeAtomic } from '../workspace/atomic-write';
import type { PlannedFile } from './plan';

/**
 * Writes (or deletes) every changed file atomically. If one fails, the files already written are put
 * back as they were, so a failure mid-way leaves the old state; then the error is rethrown.
 */
export async function applyFiles(files: ReadonlyArray<PlannedFile>): Promise<number> {
  const done: PlannedFile[] = [];
  try {
    for (const f of files) {
      if (f.after === f.before) continue;
      if (f.after === undefined) await fs.promises.rm(f.path, { force: true });
      else await writeAtomic(f.path, f.after);
      done.push(f);
    }
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
