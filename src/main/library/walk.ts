import fs from 'node:fs';
import path from 'node:path';
import { isLibraryFile } from './kind';

export interface WalkedFile {
  /** Relative path with forward slashes. */
  readonly rel: string;
  readonly abs: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export const SKIP_DIRS: ReadonlySet<string> = new Set([
  '.git',
  'node_modules',
  '.stversions',
  '.stfolder',
  '.sync',
  '.dropbox.cache',
  '.obsidian',
]);

/** Lists the library files under `root`, skipping VCS, dependency and sync-tool folders and dotfiles. */
export async function walkLibrary(root: string): Promise<WalkedFile[]> {
  const out: WalkedFile[] = [];
  async function visit(dir: string, relDir: string): Promise<void> {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    const subdirs: Promise<void>[] = [];
    for (const ent of entries) {
      const abs = path.join(dir, ent.name);
      const rel = relDir ? `${relDir}/${ent.name}` : ent.name;
      if (ent.isDirectory()) {
        if (!SKIP_DIRS.has(ent.name) && !ent.name.startsWith('.')) subdirs.push(visit(abs, rel));
      } else if (ent.isFile() && isLibraryFile(ent.name)) {
        // One folder's stats synchronously (a stat is microseconds; a thread-pool round trip costs more than the
        // call), while folders are still read asynchronously so a huge library yields between them.
        let st: fs.Stats;
        try {
          st = fs.statSync(abs);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
          throw e;
        }
        out.push({ rel, abs, size: st.size, mtimeMs: st.mtimeMs });
      }
    }
    await Promise.all(subdirs);
  }
  await visit(root, '');
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}
