import fs from 'node:fs';
import path from 'node:path';
import { redact } from './redact';

/** One line of `state/audit.jsonl`: a user-visible operation and how it ended. */
export interface AuditRecord {
  readonly time: string;
  /** What was done, e.g. "library.update", "agent.install". */
  readonly operation: string;
  /** What it was done to (source name, agent@tool, file). */
  readonly target: string;
  readonly result: 'ok' | 'failed' | 'cancelled' | 'noop';
  readonly durationMs: number;
  readonly correlationId: string;
  /** History versions before and after, when the operation changed versioned files. */
  readonly versionBefore?: string;
  readonly versionAfter?: string;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly error?: { readonly code: string; readonly message: string };
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
export function createAuditTrail(file: string, now: () => Date = () => new Date(), opts: AuditOptions = {}): AuditTrail {
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
      const out: AuditRecord[] = [];
      for (const f of [rotated, file]) {
        let text = '';
        try {
          text = fs.readFileSync(f, 'utf8');
        } catch {
          continue;
        }
        for (const line of text.split('\n')) {
          if (!line.trim()) continue;
          try {
            const rec = JSON.parse(line) as AuditRecord;
            if (!opts.operation || rec.operation.startsWith(opts.operation)) out.push(rec);
          } catch {
            // A torn last line (power loss) is skipped, not fatal.
          }
        }
      }
      return opts.limit ? out.slice(-opts.limit) : out;
    },
  };
}
