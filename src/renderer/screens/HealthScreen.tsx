import { useEffect } from 'react';
import type { CheckResult, RepairReport } from '../../shared/ipc/channels/health';
import { ErrorNotice } from '../components/ErrorNotice';
import { fixKey, useHealth } from '../stores/health';

const LABEL = { ok: 'OK', warn: 'Warning', fail: 'Failed' } as const;

function CheckRow({ check, busy, onFix }: { check: CheckResult; busy: boolean; onFix: () => void }) {
  return (
    <li className={`check check-${check.status}`} aria-label={check.title} data-check={check.id}>
      <span className={`status-pill status-${check.status}`}>{LABEL[check.status]}</span>
      <div className="check-body">
        <div className="check-title">{check.title}</div>
        <p className="check-explanation">{check.explanation}</p>
      </div>
      {check.fix && check.status !== 'ok' && (
        <button type="button" className="primary" disabled={busy} onClick={onFix} title={check.fix.title}>
          {busy ? 'Fixing…' : 'Fix'}
        </button>
      )}
    </li>
  );
}

function RepairRow({ r }: { r: RepairReport }) {
  return (
    <li className="repair">
      <strong>
        {r.title}
        {r.target ? ` (${r.target})` : ''}: {r.outcome}
      </strong>
      <ul>
        {r.actions.map((a, i) => (
          <li key={i}>{a}</li>
        ))}
      </ul>
      {r.backup && <p className="muted">Backup: {r.backup}</p>}
    </li>
  );
}

/** Every health check with its status, explanation and a Fix button where a repair exists. */
export function HealthScreen() {
  const { report, fixing, repairs, repairError, run, fix, fixAll } = useHealth();
  useEffect(() => {
    void run();
  }, [run]);
  const value = report.kind === 'ready' ? report.value : undefined;
  const fixable = value?.checks.filter((c) => c.fix && c.status !== 'ok').length ?? 0;
  const count = (s: CheckResult['status']) => value?.checks.filter((c) => c.status === s).length ?? 0;
  return (
    <div className="page">
      <header className="page-head">
        <h2>Health</h2>
        {value && (
          <span className={`status-pill status-${value.status}`} aria-label="Overall health">
            {count('ok')} ok · {count('warn')} warnings · {count('fail')} failed
          </span>
        )}
        <span className="spacer" />
        <button type="button" onClick={() => void run()} disabled={report.kind === 'loading'}>
          Run checks again
        </button>
        <button type="button" className="primary" disabled={!fixable || !!fixing.all} onClick={() => void fixAll()}>
          {fixing.all ? 'Repairing…' : `Fix everything${fixable ? ` (${fixable})` : ''}`}
        </button>
      </header>
      {report.kind === 'loading' || report.kind === 'idle' ? <p className="muted pad">Running the checks…</p> : null}
      {report.kind === 'error' && <ErrorNotice error={report.error} onRetry={() => void run()} />}
      {repairError && <ErrorNotice error={repairError} />}
      {value && (
        <>
          <p className="muted">
            Checked {new Date(value.time).toLocaleString()}. Repairs copy what they touch to the backups folder first.
          </p>
          <ul className="checks" aria-label="Health checks">
            {value.checks.map((c) => (
              <CheckRow
                key={c.id}
                check={c}
                busy={!!fixing[c.fix ? fixKey(c.fix) : ''] || !!fixing.all}
                onFix={() => c.fix && void fix(c.fix)}
              />
            ))}
          </ul>
        </>
      )}
      {repairs.length > 0 && (
        <section aria-label="Recent repairs">
          <h3>Recent repairs</h3>
          <ul className="repairs">
            {repairs.map((r, i) => (
              <RepairRow key={i} r={r} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
