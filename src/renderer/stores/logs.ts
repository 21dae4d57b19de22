import { create } from 'zustand';
import type { IpcError } from '../../shared/errors';
import type { LogEvent } from '../../shared/ipc/contract';
import type { LogLevelName, LogLine } from '../../shared/ipc/channels/health';
import { lineKey, msBefore } from '../../shared/logs';
import { getApi, newActionId } from '../api/client';

export interface LogFilters {
  readonly level: LogLevelName;
  readonly component: string;
  readonly text: string;
}

const RANK: Record<LogLevelName, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const MAX_LINES = 2000;
/** How often the panel also reads the log file, for lines other processes (the CLI) wrote. */
const POLL_MS = 2000;

/** Appends lines not already shown, keeping time order and the newest MAX_LINES. */
export function mergeLines(
  current: ReadonlyArray<LogLine>,
  incoming: ReadonlyArray<LogLine | LogEvent>,
): ReadonlyArray<LogLine> {
  const seen = new Set(current.map(lineKey));
  const fresh = incoming.filter((l) => !seen.has(lineKey(l)));
  if (!fresh.length) return current;
  return [...current, ...fresh].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0)).slice(-MAX_LINES);
}

/** Whether a line passes the filters (applied to live lines the same way main applies them to stored ones). */
export function matches(line: LogLine | LogEvent, f: LogFilters): boolean {
  if (RANK[line.level] < RANK[f.level]) return false;
  if (f.component && line.component !== f.component) return false;
  if (f.text) {
    const hay = `${line.msg} ${line.correlationId ?? ''} ${line.component}`.toLowerCase();
    if (!hay.includes(f.text.toLowerCase())) return false;
  }
  return true;
}

interface LogsState {
  lines: ReadonlyArray<LogLine>;
  filters: LogFilters;
  live: boolean;
  loading: boolean;
  error?: IpcError;
  load(): Promise<void>;
  setFilters(f: Partial<LogFilters>): Promise<void>;
  setLive(live: boolean): void;
  /** Subscribes to the `log` event and polls the log for other processes' lines; returns the stop function. */
  subscribe(): () => void;
}

/** The Logs panel: stored lines from main, filtered there, plus live lines from the `log` event. */
export const useLogs = create<LogsState>((set, get) => ({
  lines: [],
  filters: { level: 'info', component: '', text: '' },
  live: true,
  loading: false,
  async load() {
    const f = get().filters;
    set({ loading: true });
    const r = await getApi().invoke(
      'logs:query',
      {
        level: f.level,
        limit: 500,
        ...(f.component ? { component: f.component } : {}),
        ...(f.text ? { text: f.text } : {}),
      },
      { correlationId: newActionId('logs') },
    );
    set(r.ok ? { lines: r.value.lines, loading: false, error: undefined } : { loading: false, error: r.error });
  },
  async setFilters(partial) {
    set((s) => ({ filters: { ...s.filters, ...partial } }));
    await get().load();
  },
  setLive: (live) => set({ live }),
  subscribe() {
    const api = getApi();
    const off = api.on('log', (e) => {
      const s = get();
      if (!s.live || !matches(e, s.filters)) return;
      set({ lines: mergeLines(s.lines, [e]) });
    });
    const timer = setInterval(() => {
      const s = get();
      if (!s.live || s.loading) return;
      const f = s.filters;
      const last = s.lines.at(-1)?.time;
      const after = last ? msBefore(last) : undefined;
      void api
        .invoke(
          'logs:query',
          {
            level: f.level,
            limit: 500,
            ...(after ? { after } : {}),
            ...(f.component ? { component: f.component } : {}),
            ...(f.text ? { text: f.text } : {}),
          },
          { correlationId: newActionId('logtail') },
        )
        .then((r) => {
          if (r.ok && r.value.lines.length) set({ lines: mergeLines(get().lines, r.value.lines) });
        });
    }, POLL_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  },
}));
