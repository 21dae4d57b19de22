import fs from 'node:fs';
import path from 'node:path';
import type { Paths } from './paths';

/** Owner-only modes for everything the workspace keeps about the user (history, logs, audit, secrets). */
export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

const posix = process.platform !== 'win32';

/** Creates a folder (and its missing parents) owner-only; an existing one is left as it is. */
export function mkdirPrivate(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
}

/** Makes `p` owner-only if it exists with another mode (a stat, and a chmod only when needed). Never follows a link. */
function restrict(p: string, fixed: string[], folders = true): void {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(p);
  } catch {
    return;
  }
  const want = st.isDirectory() && folders ? PRIVATE_DIR : st.isFile() ? PRIVATE_FILE : undefined;
  if (want === undefined || (st.mode & 0o777) === want) return;
  // Group and other bits come off; an object file's 0444 becomes 0400, not writable.
  const mode = st.isFile() && !(st.mode & 0o200) ? want & ~0o222 : want;
  if ((st.mode & 0o777) === mode) return;
  try {
    fs.chmodSync(p, mode);
    fixed.push(p);
  } catch {
    // Not ours to change (another owner): the permissions health check reports it.
  }
}

function entries(dir: string): string[] {
  try {
    return fs.readdirSync(dir).map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

/**
 * Makes the workspace root, `state/`, `state/history.git` and `state/logs` owner-only: those folders 0700 and the
 * files and folders directly in them 0600 / 0700 (in history.git only the top level: git keeps new files private
 * itself through core.sharedRepository, and the 0700 folder closes the rest). Cheap enough for every start-up:
 * a few dozen stats, and a chmod only where one is wrong. Returns what it changed.
 */
export function restrictWorkspace(paths: Paths): string[] {
  const fixed: string[] = [];
  if (!posix || !fs.existsSync(paths.home)) return fixed;
  restrict(paths.home, fixed);
  // The root's files (settings.json); its folders (library clones, the personal workspace) are the user's.
  for (const p of entries(paths.home)) restrict(p, fixed, false);
  for (const dir of [paths.state, paths.historyGit, paths.logs]) {
    restrict(dir, fixed);
    for (const p of entries(dir)) restrict(p, fixed);
  }
  return fixed;
}
