import fs from 'node:fs';
import type { Check, HealthContext } from '../types';
import { readableSettings } from './util';

/** The folders a workspace needs; the personal workspace gets its usual subfolders when re-created. */
export function requiredFolders(ctx: HealthContext): string[] {
  const { paths } = ctx;
  return [paths.home, paths.library, paths.state, paths.logs, ctx.personalDir()];
}

/** Every folder the workspace needs exists and is a folder. */
export const foldersCheck: Check = {
  id: 'folders',
  title: 'Workspace folders present',
  run(ctx) {
    if (!readableSettings(ctx)) return { status: 'ok', explanation: 'No workspace yet, so no folders are expected.' };
    const missing = requiredFolders(ctx).filter((d) => !isDir(d));
    if (!missing.length) return { status: 'ok', explanation: 'The library, state, logs and personal folders exist.' };
    const one = missing.length === 1;
    return {
      status: 'fail',
      explanation:
        `Missing: ${missing.join(', ')}. ` +
        `Something (a cleanup tool, a sync client, a manual delete) removed ${one ? 'it' : 'them'}; ` +
        `the app cannot save there until ${one ? 'it is' : 'they are'} back.`,
      ...(ctx.hasRepair('create-folders')
        ? { fix: { id: 'create-folders', title: 'Re-create the missing folders' } }
        : {}),
    };
  },
};

export function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
