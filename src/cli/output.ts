import { AppError, isAppError, type IpcError } from '../shared/errors';
import { codedFsError } from '../main/workspace/write-errors';
import { safeJson, safeText } from './safe-text';

/** Exit codes: 0 ok, 1 failure, 2 usage error. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export class UsageError extends Error {}

/** A failure the command already reported in its output (e.g. per-item results): exit 1, print nothing more. */
export class ReportedFailure extends Error {}

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly isTty: boolean;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  isTty: !!process.stderr.isTTY,
};

export function printJson(io: Io, value: unknown): void {
  io.out(safeJson(JSON.stringify(value, null, 2)) + '\n');
}

/** An error as the CLI shows it: message, then what to do. With --json, the error value itself. */
export function printError(io: Io, thrown: unknown, json: boolean, correlationId?: string): number {
  if (thrown instanceof ReportedFailure) return EXIT.failure;
  const e = codedFsError(thrown) ?? thrown;
  if (e instanceof UsageError) {
    io.err(safeText(`error: ${e.message}\n`));
    return EXIT.usage;
  }
  const value: IpcError = isAppError(e)
    ? e.toValue(correlationId)
    : {
        code: 'INTERNAL',
        message: `Something went wrong: ${e instanceof Error ? e.message : String(e)}`,
        hint: `Run again with --debug and see the log (correlation id ${correlationId ?? 'n/a'}).`,
        ...(correlationId ? { correlationId } : {}),
      };
  if (json) printJson(io, { ok: false, error: value });
  else io.err(safeText(`error: ${value.message}\n  hint: ${value.hint}\n`));
  return EXIT.failure;
}

export function fromIpcError(error: IpcError): AppError {
  return new AppError(error.code, error.message, error.hint, error.details as Record<string, unknown> | undefined);
}

/** A one-line progress bar on stderr (TTY only; nothing with --json). */
export function progressPrinter(io: Io, enabled: boolean) {
  let last = '';
  return {
    update(phase: string, percent?: number) {
      if (!enabled) return;
      const width = 24;
      const bar =
        percent === undefined
          ? ''
          : `[${'#'.repeat(Math.round((percent / 100) * width)).padEnd(width, '.')}] ${String(percent).padStart(3)}% `;
      const line = `${bar}${phase}`;
      if (line === last) return;
      last = line;
      io.err(io.isTty ? `\r\x1b[2K${line}` : `${line}\n`);
    },
    done() {
      if (enabled && last && io.isTty) io.err('\r\x1b[2K');
      last = '';
    },
  };
}
