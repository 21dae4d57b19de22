import { useEffect, type ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { AuditEntry } from '../../shared/ipc/channels/health';
import { ErrorNotice } from '../components/ErrorNotice';
import { useAnalytics } from '../stores/analytics';

const EMPTY_LIBRARY =
  'The library size is sampled whenever the library is listed or the health checks run; ' +
  'open the Library to take the first sample.';
const EMPTY_UPDATES =
  'No library updates yet. Each update of a library source (pull, pin, roll back) is listed here with its outcome.';
const EMPTY_TOKENS =
  'No agent sizes recorded yet. ' +
  'When an agent is installed, its rendered size in tokens is recorded against its budget and charted here.';
const EMPTY_AUDIT =
  'No user-visible operations recorded yet: set-up, updates, installs and repairs are listed here with their result.';

const shortTime = (iso: string, seconds = false) => {
  const d = new Date(iso);
  const date = d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  const time = d.toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  });
  return `${date} ${time}`;
};

/** Whether times in a series are close enough that labels need seconds. */
const needsSeconds = (times: ReadonlyArray<string>) =>
  times.length > 1 && Date.parse(times[times.length - 1]!) - Date.parse(times[0]!) < 3_600_000;

function Panel({ title, empty, children }: { title: string; empty?: string; children: ReactNode }) {
  return (
    <section className="panel" aria-label={title}>
      <h3>{title}</h3>
      {empty ? <p className="empty-note">{empty}</p> : children}
    </section>
  );
}

/** A line chart over time: one line per series. */
function SeriesChart({
  data,
  series,
  unit,
  step,
}: {
  data: ReadonlyArray<Record<string, unknown>>;
  series: ReadonlyArray<{ key: string; name: string; color: string }>;
  unit?: string;
  step?: boolean;
}) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={[...data]}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" fontSize={11} />
        <YAxis allowDecimals={false} fontSize={11} width={70} {...(unit ? { unit } : {})} />
        <Tooltip />
        <Legend />
        {series.map((x) => (
          <Line
            key={x.key}
            type={step ? 'stepAfter' : 'linear'}
            dataKey={x.key}
            name={x.name}
            stroke={x.color}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

function AuditTable({ entries }: { entries: ReadonlyArray<AuditEntry> }) {
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th>When</th>
          <th>Operation</th>
          <th>Target</th>
          <th>Result</th>
          <th>Duration</th>
        </tr>
      </thead>
      <tbody>
        {[...entries].reverse().map((e, i) => (
          <tr key={i}>
            <td>{shortTime(e.time)}</td>
            <td>{e.operation}</td>
            <td className="mono">{e.target}</td>
            <td className={`result-${e.result}`}>{e.result}</td>
            <td>{e.durationMs} ms</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Charts of local metrics: timings, outcomes, library growth, updates, token budgets, most-used files. */
export function AnalyticsScreen() {
  const { summary, audit, refresh } = useAnalytics();
  useEffect(() => {
    void refresh();
  }, [refresh]);
  if (summary.kind === 'idle' || summary.kind === 'loading') return <p className="muted pad">Loading the metrics…</p>;
  if (summary.kind === 'error') return <ErrorNotice error={summary.error} onRetry={() => void refresh()} />;
  const s = summary.value;
  const tSec = needsSeconds(s.timeline.map((p) => p.time));
  const lSec = needsSeconds(s.library.map((p) => p.time));
  const timeline = s.timeline.map((p) => ({ ...p, label: shortTime(p.time, tSec) }));
  const library = s.library.map((p) => ({ ...p, label: shortTime(p.time, lSec) }));
  return (
    <div className="page analytics">
      <header className="page-head">
        <h2>Analytics</h2>
        <span className="muted">Measured on this machine only; nothing is sent anywhere.</span>
        <span className="spacer" />
        <button type="button" onClick={() => void refresh()}>
          Refresh
        </button>
      </header>
      <div className="panels">
        <Panel
          title="Operation durations (p50 / p95)"
          {...(timeline.length
            ? {}
            : { empty: 'No operations recorded yet. Every action in the app or the CLI is timed and shows up here.' })}
        >
          <SeriesChart
            data={timeline}
            unit=" ms"
            series={[
              { key: 'p50', name: 'p50', color: '#3358d4' },
              { key: 'p95', name: 'p95', color: '#a15c00' },
            ]}
          />
        </Panel>
        <Panel
          title="Successes and failures"
          {...(timeline.length ? {} : { empty: 'Outcomes appear once operations have run.' })}
        >
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={timeline}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" fontSize={11} />
              <YAxis allowDecimals={false} fontSize={11} />
              <Tooltip />
              <Legend />
              <Bar dataKey="ok" name="succeeded" stackId="a" fill="#12805c" isAnimationActive={false} />
              <Bar dataKey="failed" name="failed" stackId="a" fill="#b42318" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Panel>
        <Panel title="Operations" {...(s.operations.length ? {} : { empty: 'No operations recorded yet.' })}>
          <table className="data-table">
            <thead>
              <tr>
                <th>Operation</th>
                <th>Count</th>
                <th>Failures</th>
                <th>p50</th>
                <th>p95</th>
              </tr>
            </thead>
            <tbody>
              {s.operations.map((o) => (
                <tr key={o.operation}>
                  <td className="mono">{o.operation}</td>
                  <td>{o.count}</td>
                  <td className={o.failures ? 'result-failed' : ''}>{o.failures}</td>
                  <td>{o.p50} ms</td>
                  <td>{o.p95} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
        <Panel
          title="Library growth"
          {...(library.length
            ? {}
            : {
                empty: EMPTY_LIBRARY,
              })}
        >
          <SeriesChart
            data={library}
            step
            series={[
              { key: 'files', name: 'files', color: '#3358d4' },
              { key: 'sources', name: 'sources', color: '#8a4fff' },
            ]}
          />
        </Panel>
        <Panel
          title="Update history"
          {...(s.updates.length
            ? {}
            : {
                empty: EMPTY_UPDATES,
              })}
        >
          <AuditTable entries={s.updates} />
        </Panel>
        <Panel
          title="Token budget per agent"
          {...(s.tokenBudgets.length
            ? {}
            : {
                empty: EMPTY_TOKENS,
              })}
        >
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={[...s.tokenBudgets]} layout="vertical">
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" fontSize={11} />
              <YAxis type="category" dataKey="agent" width={120} fontSize={11} />
              <Tooltip />
              <Legend />
              <Bar dataKey="tokens" name="tokens" fill="#3358d4" isAnimationActive={false} />
              <Bar dataKey="budget" name="budget" fill="#e3e4e8" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Panel>
        <Panel
          title="Most-used library files"
          {...(s.topFiles.length
            ? {}
            : { empty: 'Open files in the Library (or with the CLI) to see which ones you use most.' })}
        >
          <ResponsiveContainer width="100%" height={Math.max(120, s.topFiles.length * 28 + 40)}>
            <BarChart data={[...s.topFiles]} layout="vertical">
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} fontSize={11} />
              <YAxis type="category" dataKey="file" width={220} fontSize={11} />
              <Tooltip />
              <Bar dataKey="count" name="opened" fill="#12805c" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Panel>
        <Panel
          title="Recent activity (audit trail)"
          {...(audit.kind === 'ready' && audit.value.length
            ? {}
            : {
                empty: EMPTY_AUDIT,
              })}
        >
          {audit.kind === 'ready' && <AuditTable entries={audit.value} />}
        </Panel>
      </div>
    </div>
  );
}
