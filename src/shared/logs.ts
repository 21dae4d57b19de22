import type { LogLine } from './ipc/channels/health';

/** Identifies a log line, for de-duplicating lines fetched more than once while tailing. */
export function lineKey(l: Pick<LogLine, 'time' | 'component' | 'msg' | 'correlationId'>): string {
  return `${l.time}|${l.component}|${l.msg}|${l.correlationId ?? ''}`;
}

/**
 * The ISO time 1 ms earlier. Tails ask for lines after this (not after the last line's own time), so lines
 * written in the same millisecond are not lost, and skip the ones already shown by `lineKey`.
 */
export function msBefore(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t - 1).toISOString();
}
