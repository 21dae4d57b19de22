import fs from 'node:fs';
import path from 'node:path';
import { isIgnoredPath } from './ignore';

export interface DirWatcher {
  /** Starts watching folders that appeared and stops watching ones that are gone, for the given changed paths. */
  sync(paths: Iterable<string>): void;
  readonly watchedDirs: number;
  close(): void;
}

/**
 * One `fs.watch` per folder (inotify on Linux, FSEvents/ReadDirectoryChanges elsewhere), nothing per file.
 * At 100,000 files chokidar held about 750 MB and took 20 s to get ready, because it tracks every file;
 * this holds one small handle per folder and is ready as soon as the folders are listed.
 */
export function watchDirs(
  roots: ReadonlyArray<string>,
  onPath: (abs: string) => void,
  onError: (e: unknown) => void,
): DirWatcher {
  const watchers = new Map<string, fs.FSWatcher>();
  let closed = false;
  const tops = roots.map((r) => path.resolve(r));
  /** Whether a path is left out, judged from its root (a known tool folder is only known at the top). */
  const ignored = (abs: string): boolean => {
    const top = tops.find((t) => abs === t || abs.startsWith(t + path.sep));
    if (top === undefined || abs === top) return false;
    return isIgnoredPath(path.relative(top, abs).split(path.sep).join('/'));
  };

  const unwatch = (dir: string) => {
    for (const [d, w] of watchers) {
      if (d === dir || d.startsWith(dir + path.sep)) {
        w.close();
        watchers.delete(d);
      }
    }
  };

  const watchTree = (top: string) => {
    const stack = [top];
    while (stack.length) {
      const dir = stack.pop()!;
      if (watchers.has(dir)) continue;
      let w: fs.FSWatcher;
      try {
        w = fs.watch(dir, { persistent: true }, (_event, name) => {
          if (closed) return;
          const rel = name ? String(name) : '';
          const abs = rel ? path.join(dir, rel) : dir;
          if (rel && ignored(abs)) return;
          onPath(abs);
        });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EACCES') onError(e);
        continue;
      }
      w.on('error', () => {
        w.close();
        watchers.delete(dir);
      });
      watchers.set(dir, w);
      let ents: fs.Dirent[] = [];
      try {
        ents = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        // vanished meanwhile
      }
      for (const ent of ents) {
        const child = path.join(dir, ent.name);
        if (ent.isDirectory() && !ignored(child)) stack.push(child);
      }
    }
  };

  for (const r of roots) watchTree(path.resolve(r));

  return {
    sync(paths) {
      for (const p of paths) {
        // lstat, as the walk: a folder replaced by a symlink is not followed (its target is never watched).
        const st = fs.lstatSync(p, { throwIfNoEntry: false });
        if (st?.isDirectory()) watchTree(p);
        else if (!st && watchers.has(p)) unwatch(p);
      }
    },
    get watchedDirs() {
      return watchers.size;
    },
    close() {
      closed = true;
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
