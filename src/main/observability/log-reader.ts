import fs from 'node:fs';
import path from 'node:path';
import type { LogLine, LogLevelName } from '../../shared/ipc/channels/health';
import { readJsonl } from './bounded-jsonl';
import { LOG_FILE } from './logger';
import { redact } from './redact';

const RANK: Record<LogLevelName, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogQuery {
  /** Minimum level. */
  readonly level?: LogLevelName;
  readonly component?: string;
  readonly correlationId?: string;
  /** Case-insensitive text anywhere in the line. */
  readonly text?: string;
  /** Only lines strictly after this ISO time. */
  readonly after?: string;
  /** Keep the newest N (default 500). */
  readonly limit?: number;
}

/** The log files oldest first: app.N.log ... app.1.log, app.log. */
export function logFiles(dir: string): string[] {
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const rotated = names
    .map((n) => /^app\.(\d+)\.log$/.exec(n))
    .filter((m): m is RegExpExecArray => !!m)
    .sort((a, b) => Number(b[1]) - Number(a[1]))
    .map((m) => path.join(dir, m[0]));
  return [...rotated, ...(names.includes(LOG_FILE) ? [path.join(dir, LOG_FILE)] : [])];
}

/**
 * Reads the structured logs (rotated files included), filters them, and returns the newest `limit` lines, oldest
 * first.
 */
export function readLogs(dir: string, query: LogQuery = {}): LogLine[] {
  const limit = query.limit ?? 500;
  const min = query.level ? RANK[query.level] : 0;
  const text = query.text?.toLowerCase();
  const out: LogLine[] = [];
  for (const file of logFiles(dir)) {
    for (const rec of readJsonl<Record<string, unknown>>(
      file,
      text ? (raw) => raw.toLowerCase().includes(text) : undefined,
    )) {
      const line = toLine(rec);
      if (!line || RANK[line.level] < min) continue;
      if (query.component && line.component !== query.component) continue;
      if (query.correlationId && line.correlationId !== query.correlationId) continue;
      if (query.after && !(line.time > query.after)) continue;
      out.push(line);
    }
  }
  return out.slice(-limit);
}

function toLine(rec: Record<string, unknown>): LogLine | undefined {
  const { level, time, component, msg, correlationId, ...fields } = rec;
  if (typeof level !== 'string' || !(level in RANK) || typeof time !== 'string' || typeof msg !== 'string')
    return undefined;
  // Lines are redacted when written; redact again in case an older version wrote them.
  const clean = redact(fields) as Record<string, unknown>;
  return {
    level: level as LogLevelName,
    time,
    component: typeof component === 'string' ? component : 'app',
    msg: redact(msg) as string,
    ...(typeof correlationId === 'string' ? { correlationId } : {}),
    ...(Object.keys(clean).length ? { fields: clean } : {}),
  };
}
