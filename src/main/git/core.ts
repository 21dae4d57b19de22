import { spawn } from 'node:child_process';
import { AppError } from '../../shared/errors';
import type { Logger } from '../observability/logger';
import { redactText } from '../observability/redact';
import { failpoint } from '../failpoints';
import { classifyGitError } from './errors';
import { defaultGitTimeoutMs, gitTimeoutKind } from './timeouts';

/**
 * The transports git may use, for the URL given and for anything it reaches on its own (submodules, redirects,
 * `ext::`/`fd::` URLs): never a command-running transport. http stays for loopback test servers and local
 * mirrors; library/auth.ts refuses plain http to any other host when a source is added.
 */
export const GIT_ALLOWED_PROTOCOLS = 'file:git:http:https:ssh';

export interface GitOptions {
  readonly cwd: string;
  /** What this call is for, for logs and errors (e.g. "clone", "commit"). */
  readonly operation: string;
  readonly logger?: Logger;
  readonly env?: NodeJS.ProcessEnv;
  readonly input?: string | Buffer;
  /** Exit codes that are not failures (e.g. [1] for `diff --quiet`). */
  readonly okExitCodes?: ReadonlyArray<number>;
  /** Receives stderr as it arrives (progress lines use \r). */
  readonly onStderr?: (chunk: string) => void;
  readonly signal?: AbortSignal;
  /** Return stdout as a Buffer instead of a string. */
  readonly binary?: boolean;
  /** Run this git executable instead of the default (the health check probes a configured one). */
  readonly executable?: string;
  /** Kill git after this many ms (default: by the kind of call, see GIT_TIMEOUTS_MS). */
  readonly timeoutMs?: number;
}

export interface GitResult {
  readonly stdout: string;
  readonly stdoutBuffer: Buffer;
  readonly stderr: string;
  readonly exitCode: number;
}

export const GIT_BINARY = process.env.AI_CONFIG_GIT ?? 'git';

/**
 * The one place that runs git. Names the operation, times and logs it, never prompts on a terminal,
 * and turns a failure into an AppError with a stable code and a hint. Failpoints `git:before:OPERATION` and
 * `git:after:OPERATION` around each process.
 */
export function git(args: ReadonlyArray<string>, opts: GitOptions): Promise<GitResult> {
  const started = Date.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...opts.env,
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    LANGUAGE: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_ALLOW_PROTOCOL: GIT_ALLOWED_PROTOCOLS,
  };
  if (!opts.env?.GIT_SSH_COMMAND && !process.env.GIT_SSH_COMMAND) env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';
  failpoint(`git:before:${opts.operation}`);
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(opts.executable ?? GIT_BINARY, args as string[], {
        cwd: opts.cwd,
        env,
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (e) {
      reject(gitMissing(e));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => {
      err.push(d);
      opts.onStderr?.(d.toString('utf8'));
    });
    const onAbort = () => child.kill('SIGTERM');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const timeoutMs = opts.timeoutMs ?? defaultGitTimeoutMs(args);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    timer.unref?.();
    // A cancelled or killed git may leave a helper (git-remote-http) holding its stderr open; do not wait for it.
    let settled = false;
    child.on('exit', () => {
      clearTimeout(timer);
      if (settled) return;
      if (timedOut) {
        settled = true;
        opts.signal?.removeEventListener('abort', onAbort);
        opts.logger?.warn('git timed out', {
          operation: opts.operation,
          args: args.map((a) => redactText(a)),
          ms: Date.now() - started,
          timeoutMs,
        });
        reject(gitTimedOut(opts.operation, args, timeoutMs));
        return;
      }
      if (!opts.signal?.aborted) return;
      settled = true;
      opts.logger?.info('git cancelled', {
        operation: opts.operation,
        args: args.map((a) => redactText(a)),
        ms: Date.now() - started,
      });
      reject(new AppError('CANCELLED', `The ${opts.operation} was cancelled.`, 'Start it again when you are ready.'));
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      reject(gitMissing(e));
    });
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (settled) return;
      settled = true;
      if (timedOut) {
        reject(gitTimedOut(opts.operation, args, timeoutMs));
        return;
      }
      failpoint(`git:after:${opts.operation}`);
      const stdoutBuffer = Buffer.concat(out);
      const stderr = Buffer.concat(err).toString('utf8');
      const exitCode = code ?? (sig ? 128 : 1);
      const ms = Date.now() - started;
      const argsForLog = args.map((a) => redactText(a));
      if (opts.signal?.aborted) {
        opts.logger?.info('git cancelled', { operation: opts.operation, args: argsForLog, ms });
        reject(new AppError('CANCELLED', `The ${opts.operation} was cancelled.`, 'Start it again when you are ready.'));
        return;
      }
      const okCodes = opts.okExitCodes ?? [];
      if (exitCode === 0 || okCodes.includes(exitCode)) {
        opts.logger?.debug('git', { operation: opts.operation, args: argsForLog, ms, exitCode });
        resolve({ stdout: opts.binary ? '' : stdoutBuffer.toString('utf8'), stdoutBuffer, stderr, exitCode });
        return;
      }
      opts.logger?.warn('git failed', {
        operation: opts.operation,
        args: argsForLog,
        ms,
        exitCode,
        stderr: redactText(stderr.slice(-2000)),
      });
      reject(classifyGitError(opts.operation, args, exitCode, stderr));
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

/** The error for a git call killed by its timeout. */
function gitTimedOut(operation: string, args: ReadonlyArray<string>, timeoutMs: number): AppError {
  return new AppError(
    'TIMEOUT',
    `git ${operation} did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped.`,
    gitTimeoutKind(args) === 'network'
      ? 'Check your network connection and the server, then try again; everything else keeps working offline.'
      : 'Try again; if it keeps happening, run `ai-config health` to check the setup.',
    { operation, args: args.map((a) => redactText(a)), timeoutMs },
  );
}

function gitMissing(e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new AppError(
      'GIT_MISSING',
      'Git is not installed or not on the PATH.',
      'Install Git 2.30 or newer (e.g. `apt-get install git`, `brew install git`, or git-scm.com) and restart.',
    );
  }
  return new AppError(
    'GIT_FAILED',
    `Could not start git: ${(e as Error).message}.`,
    'Check that git runs from a terminal.',
  );
}

let versionChecked: Promise<string> | undefined;

/** Ensures git exists and is at least 2.30; resolves to its version. Checked once per process. */
export function ensureGit(logger?: Logger): Promise<string> {
  versionChecked ??= (async () => {
    const { stdout } = await git(['--version'], {
      cwd: process.cwd(),
      operation: 'version',
      ...(logger ? { logger } : {}),
    });
    const m = /git version (\d+)\.(\d+)/.exec(stdout);
    const version = m ? `${m[1]}.${m[2]}` : stdout.trim();
    if (!m || Number(m[1]) < 2 || (Number(m[1]) === 2 && Number(m[2]) < 30)) {
      throw new AppError(
        'GIT_TOO_OLD',
        `Git ${version} is too old; AI Configurator needs 2.30 or newer.`,
        'Update Git (git-scm.com) and restart.',
      );
    }
    return version;
  })();
  versionChecked.catch(() => (versionChecked = undefined));
  return versionChecked;
}
