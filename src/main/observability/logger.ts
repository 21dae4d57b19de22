import fs from 'node:fs';
import path from 'node:path';
import { redact, redactText } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogRecord {
  readonly level: LogLevel;
  readonly time: string;
  readonly component: string;
  readonly msg: string;
  readonly correlationId?: string;
  readonly [key: string]: unknown;
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** A logger that adds these fields (component, correlationId, ...) to every record. */
  child(fields: { component?: string; correlationId?: string; [key: string]: unknown }): Logger;
}

export interface LoggerOptions {
  /** Folder for `app.log` JSON lines; omit to log to sinks only. */
  readonly dir?: string;
  readonly level?: LogLevel;
  readonly component?: string;
  /** Rotate when the file exceeds this many bytes. */
  readonly maxBytes?: number;
  /** How many rotated files to keep (app.1.log ... app.N.log). */
  readonly maxFiles?: number;
  readonly now?: () => Date;
  /** Extra receivers (the UI's live tail, tests). */
  readonly sinks?: ReadonlyArray<(record: LogRecord) => void>;
}

export const LOG_FILE = 'app.log';

/** Deletes rotated logs beyond the newest `keep` (app.N.log with N > keep), e.g. after maxFiles was lowered. */
export function removeOldLogs(dir: string, keep: number): void {
  for (const name of fs.readdirSync(dir)) {
    const m = /^app\.(\d+)\.log$/.exec(name);
    if (m && Number(m[1]) > keep) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Structured JSON-lines logger. Appends synchronously so records from the app and the CLI interleave whole. */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const threshold = LEVELS[opts.level ?? 'info'];
  const now = opts.now ?? (() => new Date());
  const maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
  const maxFiles = opts.maxFiles ?? 5;
  const file = opts.dir ? path.join(opts.dir, LOG_FILE) : undefined;
  let dirReady = false;

  function rotateIfNeeded(): void {
    if (!file || !opts.dir) return;
    let size = 0;
    try {
      size = fs.statSync(file).size;
    } catch {
      return;
    }
    if (size < maxBytes) return;
    for (let i = maxFiles - 1; i >= 1; i--) {
      const from = path.join(opts.dir, `app.${i}.log`);
      const to = path.join(opts.dir, `app.${i + 1}.log`);
      if (fs.existsSync(from)) fs.renameSync(from, to);
    }
    fs.renameSync(file, path.join(opts.dir, 'app.1.log'));
    removeOldLogs(opts.dir, maxFiles);
  }

  function write(base: Record<string, unknown>, level: LogLevel, msg: string, fields?: Record<string, unknown>): void {
    if (LEVELS[level] < threshold) return;
    const record = redact({ level, time: now().toISOString(), ...base, msg: redactText(msg), ...fields }) as LogRecord;
    if (file && opts.dir) {
      try {
        if (!dirReady) {
          fs.mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
          dirReady = true;
        }
        rotateIfNeeded();
        fs.appendFileSync(file, JSON.stringify(record) + '\n', { mode: 0o600 });
      } catch {
        // Logging must never break the operation it describes.
      }
    }
    for (const sink of opts.sinks ?? []) sink(record);
  }

  function make(base: Record<string, unknown>): Logger {
    return {
      debug: (m, f) => write(base, 'debug', m, f),
      info: (m, f) => write(base, 'info', m, f),
      warn: (m, f) => write(base, 'warn', m, f),
      error: (m, f) => write(base, 'error', m, f),
      child: (fields) => make({ ...base, ...fields }),
    };
  }
  return make({ component: opts.component ?? 'app' });
}

/** A logger that drops everything (for pure functions under test). */
export const nullLogger: Logger = createLogger({ level: 'error', sinks: [] });
