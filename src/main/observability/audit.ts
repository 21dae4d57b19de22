import fs from 'node:fs';
import path from 'node:path';
import type { AuditEntry } from '../../shared/ipc/channels/health';
import { readJsonl } from './bounded-jsonl';
import { redact } from './redact';

/**
 * One line of `state/audit.jsonl`: a user-visible operation and how it ended (the shared AuditEntry plus free-form
 * details).
 */
export interface AuditRecord extends AuditEntry {
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface AuditTrail {
  append(record: Omit<AuditRecord, 'time'> & { time?: string }): void;
  /** The newest records last; `limit` keeps the newest N; `operation` keeps those whose name starts with it. */
  read(opts?: { limit?: number; operation?: string }): AuditRecord[];
}

export interface AuditOptions {
  /** Rotate `audit.jsonl` to `audit.1.jsonl` past this size (the previous `.1` is dropped). */
  readonly maxBytes?: number;
}

/** The rotated predecessor of an audit file: `audit.jsonl` -> `audit.1.jsonl`. */
export function rotatedAuditFile(file: string): string {
  return file.replace(/\.jsonl$/, '') + '.1.jsonl';
}

/**
 * Append-only JSON lines; each record is one `appendFileSync` so the app and the CLI never interleave halves.
 * Bounded: past `maxBytes` (default 2 MB) the file becomes `audit.1.jsonl`, so at most two files are kept.
 */
export function createAuditTrail(
  file: string,
  now: () => Date = () => new Date(),
  opts: AuditOptions = {},
): AuditTrail {
  const maxBytes = opts.maxBytes ?? 2 * 1024 * 1024;
  const rotated = rotatedAuditFile(file);
  return {
    append(record) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const line = JSON.stringify(redact({ time: record.time ?? now().toISOString(), ...record }));
      try {
        if (fs.statSync(file).size + line.length > maxBytes) fs.renameSync(file, rotated);
      } catch {
        // No file yet.
      }
      fs.appendFileSync(file, line + '\n', { mode: 0o600 });
    },
    read(opts = {}) {
      // A torn last line (power loss) is skipped, not fatal.
      const out = [...readJsonl<AuditRecord>(rotated), ...readJsonl<AuditRecord>(file)].filter(
        (r) => !opts.operation || r.operation?.startsWith(opts.operation),
      );
      return opts.limit ? out.slice(-opts.limit) : out;
    },
  };
}
