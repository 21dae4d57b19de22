import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Every regular file under `root` as a "/"-separated relative path, skipping names `skip` says. */
export function listFiles(root: string, skip: (name: string, rel: string) => boolean = () => false): string[] {
  return walk(root, skip).files;
}

/** Files and folders under `root` ("/"-separated, relative), skipping names `skip` says. */
export function walk(
  root: string,
  skip: (name: string, rel: string) => boolean = () => false,
): { files: string[]; dirs: string[] } {
  const out: string[] = [];
  const dirs: string[] = [];
  const visit = (dir: string, prefix: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const ent of entries) {
      const rel = prefix ? `${prefix}/${ent.name}` : ent.name;
      if (skip(ent.name, rel)) continue;
      if (ent.isDirectory()) {
        dirs.push(rel);
        visit(path.join(dir, ent.name), rel);
      } else if (ent.isFile()) out.push(rel);
    }
  };
  visit(root, '');
  return { files: out.sort(), dirs: dirs.sort() };
}

export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Whether `inner` is `outer` or inside it. */
export function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(path.resolve(outer), path.resolve(inner));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
