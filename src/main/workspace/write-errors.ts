import { AppError } from '../../shared/errors';

const DISK_FULL_HINT = 'Free some disk space and try again; nothing was changed.';
const NO_PERMISSION_HINT = 'Check the folder permissions (or run `ai-config doctor --fix`).';

/** Whether a node error means the disk (or the user's quota) is full. */
export function isDiskFull(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** DISK_FULL naming the file that could not be written. */
export function diskFullError(file: string | undefined): AppError {
  return new AppError(
    'DISK_FULL',
    file ? `The disk is full: could not write ${file}.` : 'The disk is full.',
    DISK_FULL_HINT,
    file ? { file } : {},
  );
}

/** A failed write as a coded error (DISK_FULL, FORBIDDEN), or the error itself when it is not one we expect. */
export function toWriteError(e: unknown, file: string): unknown {
  if (isDiskFull(e)) return diskFullError(file);
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new AppError('FORBIDDEN', `No permission to write ${file}.`, NO_PERMISSION_HINT, { file });
  return e;
}

/**
 * The last line of defence at the router and the CLI: a disk-full error that no writer mapped still reaches the
 * user as DISK_FULL (with the path node names), never as "something went wrong".
 */
export function codedFsError(e: unknown): AppError | undefined {
  if (!isDiskFull(e)) return undefined;
  const p = (e as NodeJS.ErrnoException).path;
  return diskFullError(typeof p === 'string' ? p : undefined);
}
