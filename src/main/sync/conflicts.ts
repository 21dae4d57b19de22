import fs from 'node:fs';
import path from 'node:path';
import type { SyncConflict } from '../../shared/sync';
import { listFiles } from './files';
import { PROVIDER_FILES } from './ignore';

const SYNCTHING = /^(.*)\.sync-conflict-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-([A-Z0-9]{7})(\.[^.]*)?$/;
const NEXTCLOUD = /^(.*) \(conflicted copy (?:(.+) )?(\d{4}-\d{2}-\d{2}) (\d{2})(\d{2})(\d{2})\)(\.[^.]*)?$/;
const NEXTCLOUD_OLD = /^(.*)_conflict-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(\.[^.]*)?$/;
const DROPBOX = /^(.*) \((?:(.+?)'s )?conflicted copy (\d{4}-\d{2}-\d{2})(?: \(\d+\))?\)(\.[^.]*)?$/;

type Parsed = Omit<SyncConflict, 'path' | 'originalExists'> & { readonly original: string };

/** Recognises one file name as a conflicted copy and names the file it conflicts with (same folder). */
export function parseConflictName(name: string): Parsed | undefined {
  let m = SYNCTHING.exec(name);
  if (m)
    return {
      provider: 'syncthing',
      original: `${m[1]}${m[9] ?? ''}`,
      from: m[8],
      when: `${m[2]}-${m[3]}-${m[4]}T${m[5]}:${m[6]}:${m[7]}`,
    };
  m = NEXTCLOUD.exec(name);
  if (m)
    return {
      provider: 'nextcloud',
      original: `${m[1]}${m[7] ?? ''}`,
      ...(m[2] ? { from: m[2] } : {}),
      when: `${m[3]}T${m[4]}:${m[5]}:${m[6]}`,
    };
  m = NEXTCLOUD_OLD.exec(name);
  if (m)
    return {
      provider: 'nextcloud',
      original: `${m[1]}${m[8] ?? ''}`,
      when: `${m[2]}-${m[3]}-${m[4]}T${m[5]}:${m[6]}:${m[7]}`,
    };
  m = DROPBOX.exec(name);
  if (m) return { provider: 'dropbox', original: `${m[1]}${m[4] ?? ''}`, ...(m[2] ? { from: m[2] } : {}), when: m[3] };
  return undefined;
}

/** A conflict for a "/"-separated path relative to the workspace, or undefined when it is not a conflicted copy. */
export function conflictAt(root: string, rel: string): SyncConflict | undefined {
  const name = rel.split('/').pop() ?? rel;
  const parsed = parseConflictName(name);
  if (!parsed) return undefined;
  const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '';
  const original = dir + parsed.original;
  return { ...parsed, path: rel, original, originalExists: fs.existsSync(path.join(root, original)) };
}

/** Every conflicted copy in the workspace, oldest first. */
export function findConflicts(root: string): SyncConflict[] {
  const out: SyncConflict[] = [];
  for (const rel of listFiles(root, (name) => PROVIDER_FILES.has(name) || name === '.git')) {
    const c = conflictAt(root, rel);
    if (c) out.push(c);
  }
  return out.sort((a, b) => (a.when ?? '').localeCompare(b.when ?? '') || a.path.localeCompare(b.path));
}
