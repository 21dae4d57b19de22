import { AppError } from '../../../shared/errors';
import type { FsRoot } from './root';

const ALLOW_HOW =
  'If you made this link on purpose (a dotfile manager), allow it: add its path to `filesystem.allowSymlinks` ' +
  'in settings.json, or pass `--follow-symlink <path>` to `ai-config agent install` / `agent uninstall`.';
const NEVER_FOLLOWED = 'Library and personal files are never read or written through a symlink; remove the link.';

/** A symlink below a root that the boundary will not follow (names the link and where it points). */
export function symlinkRefused(root: FsRoot, link: string, target: string): AppError {
  const tool = root.kind === 'tool';
  return new AppError(
    'SYMLINK_REFUSED',
    `${link} is a symlink (to ${target}); AI Configurator does not follow it${tool ? '' : ` inside ${root.dir}`}.`,
    tool ? ALLOW_HOW : NEVER_FOLLOWED,
    { link, target, root: root.dir, kind: root.kind },
  );
}

/** A path that leaves its root (`..`, an absolute path elsewhere, a NUL byte). */
export function outsideRoot(root: FsRoot, p: string): AppError {
  return new AppError(
    'PATH_OUTSIDE_ROOT',
    `The path "${p}" is outside ${root.dir}.`,
    'Use a path inside that folder (relative paths may not start with "..").',
    { path: p, root: root.dir },
  );
}

/** Something other than a regular file (a folder, a FIFO, a device) where a file was expected. */
export function notAFile(p: string): AppError {
  return new AppError(
    'INVALID_FILE',
    `${p} is not a regular file.`,
    'Move it aside (or remove it) and try again; nothing was changed.',
    { file: p },
  );
}

/** A file where a folder of the path was expected. */
export function notAFolder(p: string): AppError {
  return new AppError(
    'INVALID_FILE',
    `${p} is not a folder.`,
    'Move it aside (or remove it) and try again; nothing was changed.',
    { file: p },
  );
}

/** A file a walk listed that is gone when it is read. */
export function fileGone(p: string): AppError {
  return new AppError('NOT_FOUND', `${p} was removed while it was being read.`, 'Run the command again.', { file: p });
}
