import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { SourceSettings } from '../../shared/settings';
import { checkGitTransport } from '../git/url-policy';
import { registerSecret } from '../observability/redact';

/** The env var that carries a token to the askpass script; set only on the git child process. */
export const TOKEN_ENV = 'AI_CONFIG_GIT_TOKEN';

/** `-c` flags for every network git call: never hand credentials to a credential helper (it could store them). */
export const NO_CREDENTIAL_HELPER: ReadonlyArray<string> = ['-c', 'credential.helper='];

export interface AuthDeps {
  /** Where known_hosts and the askpass script live (state/). */
  readonly stateDir: string;
  readonly env: NodeJS.ProcessEnv;
  /** Reads a token stored encrypted by the app. */
  readonly readSecret: (ref: string) => string | undefined;
}

/** True for ssh://host/path and scp-like user@host:path URLs. */
export function isSshUrl(url: string): boolean {
  return /^ssh:\/\//i.test(url) || /^[A-Za-z0-9._-]+@[^/:]+:/.test(url);
}

/**
 * Refuses URLs that carry credentials (and any transport git/url-policy refuses): tokens go through GIT_ASKPASS,
 * never into a remote URL.
 */
export function checkUrl(url: string): void {
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/@]*:[^/@]*@/i.test(url) || /^https?:\/\/[^/]*@/i.test(url)) {
    throw new AppError(
      'INVALID_REQUEST',
      'The URL contains a user name or password.',
      'Remove the credentials from the URL and pass the token with --token-env VAR (or the token field in the app).',
    );
  }
  checkGitTransport(url);
}

/** Single-quotes a value for the POSIX shell git runs GIT_SSH_COMMAND with. */
function shq(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

export function knownHostsFile(stateDir: string): string {
  return path.join(stateDir, 'known_hosts');
}

/** The ssh command line: the chosen key only, our own known_hosts, strict host checking, never a prompt. */
export function sshCommand(stateDir: string, keyFile?: string): string {
  const parts = ['ssh'];
  if (keyFile) parts.push('-i', shq(keyFile), '-o', 'IdentitiesOnly=yes');
  parts.push(
    '-o',
    `UserKnownHostsFile=${shq(knownHostsFile(stateDir))}`,
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    'BatchMode=yes',
    '-o',
    'ConnectTimeout=15',
  );
  return parts.join(' ');
}

const ASKPASS_SH = `#!/bin/sh
# Written by AI Configurator. Answers git's credential prompts from the environment of this one git process.
case "$1" in
  Username*|username*) printf '%s\\n' "\${AI_CONFIG_GIT_USERNAME:-x-access-token}" ;;
  *) printf '%s\\n' "\${${TOKEN_ENV}}" ;;
esac
`;
const ASKPASS_CMD =
  '@echo off\r\nset p=%~1\r\n' +
  `if /i "%p:~0,8%"=="Username" (echo %AI_CONFIG_GIT_USERNAME%) else (echo %${TOKEN_ENV}%)\r\n`;

/** Writes the askpass script once (it holds no secret) and returns its path. */
export function ensureAskpass(stateDir: string): string {
  const file = path.join(stateDir, process.platform === 'win32' ? 'git-askpass.cmd' : 'git-askpass.sh');
  const text = process.platform === 'win32' ? ASKPASS_CMD : ASKPASS_SH;
  let current: string | undefined;
  try {
    current = fs.readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== text) {
    fs.mkdirSync(stateDir, { recursive: true });
    fs.writeFileSync(file, text, { mode: 0o700 });
  }
  fs.chmodSync(file, 0o700);
  return file;
}

/** The token for a source, from the named env var or the encrypted store; registered for redaction. */
export function tokenFor(
  source: Pick<SourceSettings, 'name' | 'tokenEnv' | 'tokenRef'>,
  deps: AuthDeps,
): string | undefined {
  if (source.tokenEnv) {
    const v = deps.env[source.tokenEnv];
    if (!v) {
      throw new AppError(
        'AUTH_FAILED',
        `The environment variable ${source.tokenEnv} ` +
          `(settings.json, source "${source.name}", field "tokenEnv") is not set.`,
        `Set ${source.tokenEnv} to the access token before running the command.`,
      );
    }
    registerSecret(v);
    return v;
  }
  if (source.tokenRef) {
    const v = deps.readSecret(source.tokenRef);
    if (!v)
      throw new AppError(
        'AUTH_FAILED',
        `The stored token for source "${source.name}" is missing.`,
        'Remove the source and add it again with its token.',
      );
    registerSecret(v);
    return v;
  }
  return undefined;
}

/** Environment for a git child process talking to this source's remote. */
export function gitEnvFor(
  source: Pick<SourceSettings, 'name' | 'url' | 'sshKey' | 'tokenEnv' | 'tokenRef'>,
  deps: AuthDeps,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  if (isSshUrl(source.url)) {
    if (source.sshKey && !fs.existsSync(source.sshKey)) {
      throw new AppError(
        'AUTH_FAILED',
        `The SSH key ${source.sshKey} (source "${source.name}", field "sshKey") does not exist.`,
        'Pick an existing private key file with --ssh-key PATH.',
      );
    }
    fs.mkdirSync(deps.stateDir, { recursive: true });
    env.GIT_SSH_COMMAND = sshCommand(deps.stateDir, source.sshKey);
    env.GIT_SSH_VARIANT = 'ssh';
  }
  const token = tokenFor(source, deps);
  if (token) {
    env.GIT_ASKPASS = ensureAskpass(deps.stateDir);
    env[TOKEN_ENV] = token;
  }
  return env;
}
