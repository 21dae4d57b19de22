import { AppError } from '../../shared/errors';
import { escapeUnsafeChars, hasUnsafeChars } from '../../shared/unsafe-chars';

/** URL schemes a library source may use (`http` only for this machine, see LOOPBACK_HOSTS). */
export const ALLOWED_SCHEMES: ReadonlyArray<string> = ['https', 'ssh', 'git', 'file', 'http'];

const LOOPBACK_HOSTS: ReadonlyArray<string> = ['127.0.0.1', 'localhost', '[::1]'];

const URL_HINT = 'Use an https://, ssh://, git:// or file:// URL, user@host:path, or a local folder path.';

function refused(url: string, why: string): AppError {
  return new AppError('INVALID_REQUEST', `The URL "${escapeUnsafeChars(url)}" is refused: ${why}.`, URL_HINT, {
    field: 'url',
  });
}

/**
 * Refuses a repository URL whose transport could run a program or leave the machine unencrypted:
 * `ext::` / `fd::` (any `transport::address`), schemes other than ALLOWED_SCHEMES, plain http to another host,
 * option-like values and control characters. Local paths and scp-like `user@host:path` are accepted.
 */
export function checkGitTransport(url: string): void {
  if (!url.trim()) throw refused(url, 'it is empty');
  if (hasUnsafeChars(url)) throw refused(url, 'it contains control or invisible characters');
  if (url.startsWith('-')) throw refused(url, 'it starts with "-" (git would read it as an option)');
  const helper = /^([A-Za-z0-9][A-Za-z0-9+.-]*)::/.exec(url);
  if (helper) throw refused(url, `the "${helper[1]}::" transport runs a helper program`);
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return;
  if (!ALLOWED_SCHEMES.includes(scheme)) throw refused(url, `the "${scheme}://" transport is not supported`);
  if (scheme === 'http' && !LOOPBACK_HOSTS.includes(hostOf(url)))
    throw refused(url, 'plain http:// is only allowed to this machine (127.0.0.1 or localhost); use https://');
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
