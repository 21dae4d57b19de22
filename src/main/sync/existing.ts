import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import { walk } from './files';
import { skipProviderFiles } from './move';

/** What a folder already holds before `sync setup` moves the workspace in (the sync tool's own files left out). */
export interface ExistingContent {
  /** Whether the folder itself was there. */
  readonly existed: boolean;
  /** Regular files, relative and "/"-separated. */
  readonly files: ReadonlyArray<string>;
  /** Folders, relative and "/"-separated. */
  readonly dirs: ReadonlyArray<string>;
}

/** Lists what is in `dir` (links and the sync tool's files are not the user's content and are left out). */
export function existingContent(dir: string): ExistingContent {
  const st = fs.lstatSync(dir, { throwIfNoEntry: false });
  if (!st?.isDirectory()) return { existed: st !== undefined, files: [], dirs: [] };
  const tree = walk(dir, skipProviderFiles);
  return { existed: true, files: tree.files, dirs: tree.dirs };
}

/** How many names the error lists in its message (all of them are in its details). */
const SHOWN = 5;

/** ALREADY_EXISTS for a non-empty target: names what is there and how to adopt it. */
export function folderNotEmpty(dir: string, existing: ExistingContent): AppError {
  const names = existing.files.length ? existing.files : existing.dirs;
  const more = names.length > SHOWN ? ` and ${names.length - SHOWN} more` : '';
  return new AppError(
    'ALREADY_EXISTS',
    `${dir} is not empty: it holds ${names.slice(0, SHOWN).join(', ')}${more}.`,
    'Choose an empty folder, or adopt what is there (`ai-config sync setup --adopt-existing`, or the ' +
      '"Adopt these files" checkbox in the Sync wizard); adopted files become part of the workspace and are ' +
      'never removed by `sync disconnect --remove-shared-copy`.',
    { field: 'path', folderNotEmpty: true, files: existing.files, dirs: existing.dirs },
  );
}
