import fs from 'node:fs';
import path from 'node:path';
import { failpoint } from '../failpoints';
import { writeAtomic, writeJsonAtomic } from '../workspace/atomic-write';
import { readInRoot, removeInRoot, writeInRoot, type FsRoot } from '../workspace/boundary';
import { readText } from './apply';
import { isAtomicWriteTemp } from '../workspace/atomic-write';
import { rootsFor, type RootOptions } from './fs-roots';

/**
 * What a multi-file write (install, uninstall, import) is about to change, kept beside the manifest until the
 * write and the manifest are both done. Each file write is atomic on its own; this makes the set all-or-nothing:
 * a run killed in between leaves the journal, and the next run puts every file (and the manifest) back.
 */
export interface WriteJournal {
  /** `beforeBase64`: a binary file's bytes before (a skill's image), put back byte for byte. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly before?: string; readonly beforeBase64?: string }>;
  /** The manifest's text before the change (absent: there was none); restored with the files. */
  readonly manifest?: { readonly file: string; readonly before?: string };
  /** The boundary roots of the write (personal folder, project, allowed links), so recovery writes the same way. */
  readonly roots?: RootOptions;
}

/** `state/installs/pending.json`, beside the manifest. */
export function journalFileFor(manifestFile: string): string {
  return path.join(path.dirname(manifestFile), 'pending.json');
}

/** Runs `write` with a journal on disk, so a kill part-way is undone by `recoverWrites` on the next run. */
export async function journaled<T>(journalFile: string, j: WriteJournal, write: () => Promise<T>): Promise<T> {
  await writeJsonAtomic(journalFile, j);
  failpoint('write-journal:written');
  let out: T;
  try {
    out = await write();
  } catch (e) {
    // Put the old state back now; if that fails too, the journal stays for the next run.
    await recoverWrites(journalFile).catch(() => undefined);
    throw e;
  }
  failpoint('write-journal:before-clear');
  await fs.promises.rm(journalFile, { force: true });
  failpoint('write-journal:cleared');
  return out;
}

/** Puts one of the app's own files back (the manifest). */
const restore = async (file: string, before: string | undefined) => {
  if (before === undefined) await fs.promises.rm(file, { force: true });
  else if (readText(file) !== before) await writeAtomic(file, before);
};

/** Puts a tool or personal file back, through the boundary (never through a link that appeared meanwhile). */
const restoreInRoot = async (root: FsRoot, file: string, before: string | undefined, base64?: string) => {
  if (base64 !== undefined) {
    const bytes = Buffer.from(base64, 'base64');
    if (!readInRoot(root, file)?.equals(bytes)) await writeInRoot(root, file, bytes);
  } else if (before === undefined) await removeInRoot(root, file);
  else if (readInRoot(root, file)?.toString('utf8') !== before) await writeInRoot(root, file, before);
};

/** Puts back what an interrupted journaled write changed (call under the workspace lock). True if it did. */
export async function recoverWrites(journalFile: string): Promise<boolean> {
  const text = readText(journalFile);
  if (text === undefined) return false;
  let j: WriteJournal;
  try {
    j = JSON.parse(text) as WriteJournal;
  } catch {
    // Written atomically, so a torn journal cannot happen; an unreadable one is dropped rather than block every run.
    await fs.promises.rm(journalFile, { force: true });
    return false;
  }
  const rootOf = rootsFor(j.roots);
  for (const f of j.files) await restoreInRoot(rootOf(f.path), f.path, f.before, f.beforeBase64);
  failpoint('write-journal:files-restored');
  if (j.manifest) await restore(j.manifest.file, j.manifest.before);
  for (const f of [...j.files.map((x) => x.path), ...(j.manifest ? [j.manifest.file] : [])]) removeWriteTemps(f);
  failpoint('write-journal:before-recovery-clear');
  await fs.promises.rm(journalFile, { force: true });
  return true;
}

/** Removes the temp files a write killed before its rename leaves beside `file` (see isAtomicWriteTemp). */
function removeWriteTemps(file: string): void {
  const base = path.basename(file);
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(file));
  } catch {
    return;
  }
  for (const n of names) if (isAtomicWriteTemp(base, n)) fs.rmSync(path.join(path.dirname(file), n), { force: true });
}
