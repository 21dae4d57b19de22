import { AppError, type ErrorCode } from '../../shared/errors';
import { redactText } from '../observability/redact';

interface Rule {
  readonly re: RegExp;
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint: string;
}

/** Known git failures, most specific first; a full disk first of all, since it causes other messages too. */
const RULES: ReadonlyArray<Rule> = [
  {
    re: /No space left on device|Disk quota exceeded|Out of diskspace/i,
    code: 'DISK_FULL',
    message: 'The disk is full.',
    hint: 'Free some disk space and try again; nothing was changed.',
  },
  {
    re: /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed.*\n?.*changed|host key for .* has changed/i,
    code: 'HOST_KEY_CHANGED',
    message: "The server's SSH host key has changed since it was first trusted.",
    hint:
      'This can mean someone is intercepting the connection. ' +
      'Confirm the new key with the server admin, then remove the old entry from the known-hosts file.',
  },
  {
    re: /No .* host key is known for|Host key verification failed/i,
    code: 'HOST_KEY_UNKNOWN',
    message: "The server's SSH host key is not yet trusted.",
    hint: 'Confirm the fingerprint and accept it (in the CLI: add --accept-host-key).',
  },
  {
    re: /Permission denied \(publickey|Authentication failed|could not read Username|could not read Password|HTTP Basic: Access denied|returned error: 401|returned error: 403|invalid credentials|Load key .*: (invalid format|Permission denied)|no such identity/i,
    code: 'AUTH_FAILED',
    message: 'The server refused the credentials.',
    hint: 'Check the SSH key (--ssh-key) or the token (--token-env) and that it has read access to the repository.',
  },
  {
    re: /Remote branch .* not found|couldn't find remote ref|invalid refspec|unknown revision|bad revision|not a valid object name|did not match any/i,
    code: 'BRANCH_MISSING',
    message: 'That branch, tag or commit does not exist.',
    hint: 'Check the name with `git ls-remote` or pick one from the version list.',
  },
  {
    re: /repository .* not found|repository '.*' does not exist|does not appear to be a git repository|returned error: 404|Repository not found|not found: did you run git update-server-info/i,
    code: 'REPO_NOT_FOUND',
    message: 'The repository was not found.',
    hint: 'Check the URL, and that your credentials can see the repository.',
  },
  {
    re: /not a git repository/i,
    code: 'NOT_A_GIT_REPO',
    message: 'The folder is not a Git repository.',
    hint: 'Remove the folder and add the source again, or run `ai-config doctor --fix`.',
  },
  {
    re: /Could not resolve host|Connection refused|Network is unreachable|Connection timed out|Failed to connect|Could not connect|Operation timed out|unable to access/i,
    code: 'NETWORK_UNREACHABLE',
    message: 'The server could not be reached.',
    hint: 'Check your network connection and the URL; everything else keeps working offline.',
  },
  {
    re: /CONFLICT|Merge conflict|would be overwritten|needs merge|could not apply/i,
    code: 'CONFLICT',
    message: 'Local changes conflict with the update.',
    hint: 'Keep yours, take theirs, or open the diff to merge by hand.',
  },
];

/** Whether git's output says the disk is full. */
export function isDiskFullText(stderr: string): boolean {
  return RULES[0]!.re.test(stderr);
}

export function classifyGitError(
  operation: string,
  args: ReadonlyArray<string>,
  exitCode: number,
  stderr: string,
): AppError {
  const clean = redactText(stderr.trim()).slice(-1500);
  const details = { operation, args: args.map(redactText), exitCode, stderr: clean };
  for (const r of RULES) {
    if (r.re.test(stderr)) return new AppError(r.code, `${r.message} (git ${operation})`, r.hint, details);
  }
  const last = clean.split('\n').filter(Boolean).slice(-1)[0] ?? `exit code ${exitCode}`;
  return new AppError(
    'GIT_FAILED',
    `git ${operation} failed: ${last}`,
    'See the log for the full git output; run `ai-config health` to check the setup.',
    details,
  );
}
