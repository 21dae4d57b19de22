import { AppError, isAppError } from '../../shared/errors';
import { redactText } from '../observability/redact';

/** Git output that means the store itself could not be written or read (not one unreadable workspace file). */
export const STORE_WRITE_FAILED = new RegExp(
  [
    'unable to (create temporary file|write (sha1|loose object|new index|file))',
    'insufficient permission for adding an object',
    'failed to insert into database',
    'index file corrupt',
    'bad object',
    'loose object .* is corrupt',
    'object file .* is empty',
    'packfile .* cannot be accessed',
    'unable to read tree',
    'fatal: bad tree',
    'invalid object',
  ].join('|'),
  'i',
);

/** The repair hint: the doctor runs repair-history, backup verify names damaged versions, backup import restores. */
export const HISTORY_REPAIR_HINT =
  'Run `ai-config doctor --fix` (it runs repair-history); `ai-config backup verify` names the damaged versions, and `ai-config backup import FILE` restores a backup.';

/** STORE_DAMAGED for the history store at `gitDir`, with git's last words. */
export function historyStoreDamaged(gitDir: string, stderr: string, what = 'could not be read or written'): AppError {
  const last = redactText(stderr.trim()).split('\n').filter(Boolean).slice(-1)[0] ?? '';
  return new AppError(
    'STORE_DAMAGED',
    `The history store ${gitDir} is damaged: it ${what}${last ? ` (${last})` : ''}. Nothing was recorded.`,
    HISTORY_REPAIR_HINT,
    { gitDir, stderr: redactText(stderr.trim()).slice(-1500) },
  );
}

/** Git output that means an object or ref of the store is missing or corrupt. */
const STORE_READ_FAILED = new RegExp(
  [
    'bad object',
    'loose object .* is corrupt',
    'object file .* is empty',
    'unable to read',
    'inflate',
    'packfile .* cannot be accessed',
    'fatal: bad tree',
    'invalid object',
    'not a tree object',
    'not a valid object name',
    'missing (blob|tree|commit)',
    'does not point to a valid object',
    'bad ref',
    'not a git repository',
  ].join('|'),
  'i',
);

/** A failed history git call as STORE_DAMAGED when git's output says the store is damaged; else unchanged. */
export function asStoreDamage(e: unknown, gitDir: string): unknown {
  if (!isAppError(e) || (e.code !== 'GIT_FAILED' && e.code !== 'NOT_A_GIT_REPO')) return e;
  const stderr = typeof e.details?.stderr === 'string' ? e.details.stderr : '';
  if (e.code === 'NOT_A_GIT_REPO' || STORE_READ_FAILED.test(stderr) || STORE_WRITE_FAILED.test(stderr))
    return historyStoreDamaged(gitDir, stderr);
  return e;
}
