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
  read(opts?: { limit?: number }): AuditRecord[];
}

/** Append-only JSON lines; each record is one `appendFileSync` so the app and the CLI never interleave halves. */
export function createAuditTrail(file: string, now: () => Date = () => new Date()): AuditTrail {
  return {
    append(record) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const line = JSON.stringify(redact({ time: record.time ?? now().toISOString(), ...record }));
      fs.appendFileSync(file, line + '\n');
    },
    read(opts = {}) {
      let text = '';
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        return [];
      }
      const out: AuditRecord[] = [];
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        try {
          out.push(JSON.parse(line) as AuditRecord);
        } catch {
          // A torn last line (power loss) is skipped, not fatal.
        }
      }
      return opts.limit ? out.slice(-opts.limit) : out;
    },
  };
}
