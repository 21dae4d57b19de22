import fs from 'node:fs';
import path from 'node:path';
import type { Check } from '../types';
import { listDir, readableSettings } from './util';

/** File names that sync tools give to the losing side of a conflict. */
const CONFLICT_NAMES: ReadonlyArray<[RegExp, string]> = [
  [/\.sync-conflict-\d{8}-\d{6}/, 'Syncthing'],
  [/\([^()]*conflicted copy/i, 'Dropbox'],
  [/ \(conflict(ed)?( copy)?[ )]|_conflict-\d{8}-\d{6}/i, 'Nextcloud/ownCloud'],
];

const SKIP = new Set(['.git', '.stversions', 'node_modules', '.dropbox.cache']);

const CONFLICTS_NEXT_STEP =
  'Two machines changed the same file, and only you can tell which content is right, so there is no automatic fix: ' +
  'compare and choose in the Sync screen, or run `ai-config sync conflicts` ' +
  'then `ai-config sync resolve FILE --keep mine|theirs` (the other side is kept in history).';

/** Which sync tool a folder belongs to, from the marker files those tools leave. */
export function syncProvider(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.stfolder'))) return 'Syncthing';
    if (fs.existsSync(path.join(d, '.dropbox')) || fs.existsSync(path.join(d, '.dropbox.cache'))) return 'Dropbox';
    if (
      fs.existsSync(path.join(d, '.sync_journal.db')) ||
      fs.readdirSync(d).some((n) => n.startsWith('.sync_') && n.endsWith('.db'))
    )
      return 'Nextcloud';
    if (path.dirname(d) === d) return undefined;
  }
}

/** Conflict copies under `dir` (relative paths), at most `max`. */
export function findConflicts(dir: string, max = 200): Array<{ file: string; tool: string }> {
  const out: Array<{ file: string; tool: string }> = [];
  const visit = (abs: string, rel: string) => {
    for (const e of listDir(abs)) {
      if (out.length >= max) return;
      const r = rel ? `${rel}/${e.name}` : e.name;
      const hit = CONFLICT_NAMES.find(([re]) => re.test(e.name));
      if (hit) out.push({ file: r, tool: hit[1] });
      if (e.isDirectory() && !SKIP.has(e.name)) visit(path.join(abs, e.name), r);
    }
  };
  visit(dir, '');
  return out;
}

/** The personal workspace is reachable and writable, and holds no sync-conflict copies. */
export const syncFolderCheck: Check = {
  id: 'sync',
  title: 'Personal workspace and sync conflicts',
  run(ctx) {
    if (!readableSettings(ctx)) return { status: 'ok', explanation: 'No workspace yet.' };
    const dir = ctx.personalDir();
    if (!fs.existsSync(dir))
      return {
        status: 'fail',
        explanation:
          `The personal workspace ${dir} is missing. ` +
          'If it lives in a sync folder, check that the drive is mounted and the sync client is running.',
      };
    try {
      fs.accessSync(dir, fs.constants.W_OK);
    } catch {
      return {
        status: 'fail',
        explanation: `The personal workspace ${dir} is not writable; your edits cannot be saved.`,
      };
    }
    let provider: string | undefined;
    try {
      provider = syncProvider(dir);
    } catch {
      provider = undefined;
    }
    const where = provider ? `${dir} (a ${provider} folder)` : dir;
    const conflicts = findConflicts(dir);
    if (!conflicts.length) return { status: 'ok', explanation: `${where} is writable and has no sync conflicts.` };
    const list = conflicts
      .slice(0, 5)
      .map((c) => c.file)
      .join(', ');
    const copies = `${conflicts.length} sync-conflict cop${conflicts.length === 1 ? 'y' : 'ies'}`;
    const more = conflicts.length > 5 ? ', …' : '';
    return { status: 'warn', explanation: `${copies} in ${where}: ${list}${more}. ${CONFLICTS_NEXT_STEP}` };
  },
};
