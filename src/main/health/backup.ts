import fs from 'node:fs';
import path from 'node:path';
import type { Paths } from '../workspace/paths';

/** A timestamp safe in file names: 2026-11-22T01-59-20-123Z. */
export function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

/** Where `abs` goes inside a backup: its path under the workspace home, or under `external/`. */
export function backupRelative(home: string, abs: string): string {
  const rel = path.relative(home, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel;
  return path.join('external', abs.replace(/^[A-Za-z]:/, '').replace(/^[/\\]+/, ''));
}

/**
 * Copies `files` (files or folders, absolute) into a new `state/backups/<timestamp>-<label>/`, keeping
 * their place relative to the workspace, plus `extra` notes (name -> text). Missing paths are skipped.
 */
export async function makeBackup(
  paths: Paths,
  now: Date,
  label: string,
  files: ReadonlyArray<string>,
  extra: Readonly<Record<string, string>> = {},
): Promise<string> {
  const base = path.join(paths.backups, `${stamp(now)}-${label.replace(/[^A-Za-z0-9._-]+/g, '-')}`);
  let dir = base;
  for (let i = 2; fs.existsSync(dir); i++) dir = `${base}-${i}`;
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  for (const abs of files) {
    if (!fs.existsSync(abs)) continue;
    const dest = path.join(dir, backupRelative(paths.home, abs));
    await fs.promises.mkdir(path.dirname(dest), { recursive: true });
    await fs.promises.cp(abs, dest, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  }
  for (const [name, text] of Object.entries(extra))
    await fs.promises.writeFile(path.join(dir, name), text, { mode: 0o600 });
  return dir;
}
