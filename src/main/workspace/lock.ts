import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { toWriteError } from './write-errors';

const LOCKED_HINT =
  'Wait for it to finish and try again. ' +
  'If no other process is running, run the command again: a lock left by a dead process is cleared automatically.';

export interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly operation: string;
  readonly since: string;
}

export interface LockOptions {
  /** How long to wait for another process to finish, in ms. */
  readonly timeoutMs?: number;
  readonly pollMs?: number;
}

const held = new AsyncLocalStorage<Set<string>>();
const inProcess = new Map<string, Promise<void>>();

/** Whether a process id is alive on this machine. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

function tryAcquire(file: string, operation: string): boolean {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (e) {
    throw toWriteError(e, file);
  }
  const info: LockInfo = { pid: process.pid, host: os.hostname(), operation, since: new Date().toISOString() };
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw toWriteError(e, file);
    return takeOverIfStale(file, operation);
  }
  try {
    try {
      fs.writeSync(fd, JSON.stringify(info));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    // A lock we could not fill (disk full) must not stay behind: an empty lock file blocks everyone for 10 s.
    fs.rmSync(file, { force: true });
    throw toWriteError(e, file);
  }
  return true;
}

function takeOverIfStale(file: string, operation: string): boolean {
  // Someone holds it: take it over only if that process is gone (same host) or the file is unreadable and old.
  const current = readLock(file);
  const stale = current
    ? current.host === os.hostname() && !pidAlive(current.pid)
    : Date.now() - safeMtime(file) > 10_000;
  if (stale) {
    const aside = `${file}.stale-${process.pid}-${Date.now()}`;
    try {
      fs.renameSync(file, aside);
      fs.rmSync(aside, { force: true });
    } catch {
      return false;
    }
    return tryAcquire(file, operation);
  }
  return false;
}

function safeMtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}

/**
 * Runs `fn` holding the workspace lock, which the app and the CLI both take before any mutation.
 * Re-entrant within one async call chain; serialised within a process; exclusive across processes
 * through an O_EXCL lock file whose holder is recorded (pid, host, operation) so a dead holder is detected.
 */
export async function withLock<T>(
  file: string,
  operation: string,
  fn: () => Promise<T>,
  opts: LockOptions = {},
): Promise<T> {
  const mine = held.getStore();
  if (mine?.has(file)) return fn();

  const timeoutMs = opts.timeoutMs ?? 30_000;
  const pollMs = opts.pollMs ?? 25;

  // Serialise within this process first, so only one of our own operations polls the file.
  const previous = inProcess.get(file) ?? Promise.resolve();
  let release!: () => void;
  const mineDone = new Promise<void>((r) => (release = r));
  const chained = previous.then(() => mineDone);
  inProcess.set(file, chained);
  await previous;

  try {
    const started = Date.now();
    while (!tryAcquire(file, operation)) {
      if (Date.now() - started > timeoutMs) {
        const holder = readLock(file);
        const who = holder ? ` (${holder.operation}, pid ${holder.pid}, since ${holder.since})` : '';
        throw new AppError('LOCKED', `Another AI Configurator process is busy${who}.`, LOCKED_HINT, { lockFile: file });
      }
      await new Promise((r) => setTimeout(r, pollMs));
    }
    const set = new Set(mine ?? []);
    set.add(file);
    try {
      return await held.run(set, fn);
    } finally {
      fs.rmSync(file, { force: true });
    }
  } finally {
    release();
    if (inProcess.get(file) === chained) inProcess.delete(file);
  }
}
