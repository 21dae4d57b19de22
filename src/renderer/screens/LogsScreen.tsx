import { useEffect } from 'react';
import type { LogLevelName } from '../../shared/ipc/channels/health';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLogs } from '../stores/logs';

const LEVELS: ReadonlyArray<LogLevelName> = ['debug', 'info', 'warn', 'error'];

/** The structured log: filter by level, component and text; new lines stream in while "Live" is on. */
export function LogsScreen() {
  const { lines, filters, live, loading, error, load, setFilters, setLive, subscribe } = useLogs();
  useEffect(() => {
    void load();
    return subscribe();
  }, [load, subscribe]);
  return (
    <div className="page logs-page">
      <header className="page-head">
        <h2>Logs</h2>
        <label>
          Level{' '}
          <select
            aria-label="Minimum level"
            value={filters.level}
            onChange={(e) => void setFilters({ level: e.target.value as LogLevelName })}
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <input
          aria-label="Component"
          placeholder="component (cli, ipc, host…)"
          value={filters.component}
          onChange={(e) => void setFilters({ component: e.target.value.trim() })}
        />
        <input
          aria-label="Search logs"
          placeholder="text or correlation id"
          value={filters.text}
          onChange={(e) => void setFilters({ text: e.target.value })}
        />
        <label>
          <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} /> Live
        </label>
        <button type="button" onClick={() => void load()} disabled={loading}>
          Reload
        </button>
      </header>
      {error && <ErrorNotice error={error} onRetry={() => void load()} />}
      {lines.length === 0 ? (
        <p className="muted pad">
          No log lines match. Lines appear here as the app and the CLI work; lower the level to see more.
        </p>
      ) : (
        <div className="log-table" role="log" aria-label="Log lines" aria-live="polite">
          {lines.map((l, i) => (
            <div key={i} className={`log-line log-${l.level}`}>
              <span className="log-time">{l.time.slice(11, 23)}</span>
              <span className="log-level">{l.level}</span>
              <span className="log-component">{l.component}</span>
              <span className="log-msg">
                {l.msg}
                {'fields' in l && l.fields ? <span className="muted"> {JSON.stringify(l.fields)}</span> : null}
              </span>
              <span className="log-cid muted">{l.correlationId ?? ''}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
