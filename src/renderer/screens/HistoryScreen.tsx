import { useEffect } from 'react';
import type { HistoryVersion } from '../../shared/ipc/channels/history';
import { DiffView } from '../components/DiffView';
import { ErrorNotice } from '../components/ErrorNotice';
import { operationsOf, useHistory } from '../stores/history';

const when = (iso: string) => iso.replace('T', ' ').slice(0, 19);

/** The line under a version's title: operation, phase, date, short id and correlation id. */
const versionLine = (v: HistoryVersion) =>
  `${v.operation} (${v.phase}) · ${when(v.date)} · version ${v.shortId} · ${v.correlationId}`;

/** The timeline of every change, what each one changed side by side, and rollback with a confirmation. */
export function HistoryScreen() {
  const s = useHistory();
  const { refresh } = s;
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const versions = s.versions.kind === 'ready' ? s.versions.value : [];
  const diffFiles = s.diff.kind === 'ready' ? s.diff.value.files : [];
  const file = diffFiles.find((f) => f.path === s.file);

  return (
    <div className="history">
      <aside className="history-side">
        <div className="side-head">
          <h2>History</h2>
          <button type="button" onClick={() => void refresh()}>
            Refresh
          </button>
        </div>
        <div className="history-filters">
          <input
            type="search"
            aria-label="Filter by file"
            placeholder="Filter by file (e.g. knowledge/x.md)"
            value={s.filterPath}
            onChange={(e) => s.setFilter({ path: e.target.value })}
          />
          <select
            aria-label="Filter by operation"
            value={s.filterOperation}
            onChange={(e) => s.setFilter({ operation: e.target.value })}
          >
            <option value="">All operations</option>
            {[...new Set([...operationsOf(versions), ...(s.filterOperation ? [s.filterOperation] : [])])].map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </div>
        {s.versions.kind === 'error' && <ErrorNotice error={s.versions.error} onRetry={() => void refresh()} />}
        {s.versions.kind === 'loading' && <p className="muted pad">Loading the timeline…</p>}
        {s.versions.kind === 'ready' && !versions.length && (
          <p className="muted pad">No versions yet. Every change you or the app make will appear here.</p>
        )}
        <ol className="timeline" aria-label="Timeline">
          {versions.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className={`timeline-item${s.selected?.id === v.id ? ' active' : ''}`}
                aria-current={s.selected?.id === v.id ? 'true' : undefined}
                data-version={v.id}
                onClick={() => void s.select(v)}
              >
                <span className="timeline-op">
                  {v.operation} <span className="muted">({v.phase})</span>
                </span>
                <span className="timeline-msg">{v.message}</span>
                <span className="muted timeline-meta">
                  {v.shortId} · {when(v.date)} · {v.filesChanged} file{v.filesChanged === 1 ? '' : 's'}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </aside>
      <main className="history-main">
        {!s.selected && <p className="muted pad">Pick a version on the left to see what it changed.</p>}
        {s.selected && (
          <section aria-label="Version">
            <header className="version-head">
              <div>
                <h3>{s.selected.message}</h3>
                <p className="muted">{versionLine(s.selected)}</p>
              </div>
              <div className="version-actions">
                <div role="group" aria-label="Compare" className="segmented">
                  <button type="button" aria-pressed={s.mode === 'version'} onClick={() => void s.setMode('version')}>
                    Changes in this version
                  </button>
                  <button type="button" aria-pressed={s.mode === 'now'} onClick={() => void s.setMode('now')}>
                    This version vs now
                  </button>
                </div>
                <button type="button" className="danger" onClick={() => void s.askRollback()}>
                  Roll back everything to this version…
                </button>
              </div>
            </header>
            {s.actionError && <ErrorNotice error={s.actionError} />}
            {s.result && (
              <p className="history-notice" role="status">
                {s.result.message}
              </p>
            )}
            {s.result?.warnings?.map((w) => (
              <ErrorNotice key={w.message} error={w} />
            ))}
            {s.diff.kind === 'loading' && <p className="muted pad">Comparing…</p>}
            {s.diff.kind === 'error' && <ErrorNotice error={s.diff.error} />}
            {s.diff.kind === 'ready' && !diffFiles.length && <p className="muted pad">No differences.</p>}
            {diffFiles.length > 0 && (
              <div className="diff-files">
                <ul aria-label="Changed files" className="changed-files">
                  {diffFiles.map((f) => (
                    <li key={f.path}>
                      <button
                        type="button"
                        className={f.path === s.file ? 'active' : ''}
                        onClick={() => s.openFile(f.path)}
                      >
                        <span className={`fstatus fstatus-${f.status}`}>{f.status[0]!.toUpperCase()}</span> {f.path}
                      </button>
                    </li>
                  ))}
                </ul>
                {file && (
                  <div className="diff-pane">
                    <div className="diff-pane-head">
                      <code>{file.path}</code>
                      <button type="button" onClick={() => void s.askRollback(file.path)}>
                        Roll back this file…
                      </button>
                    </div>
                    <DiffView
                      file={file}
                      labels={s.mode === 'now' ? [`Version ${s.selected.shortId}`, 'Now'] : ['Before', 'After']}
                    />
                  </div>
                )}
              </div>
            )}
          </section>
        )}
      </main>
      {s.confirm.kind !== 'none' && (
        <div className="history-backdrop">
          <div role="dialog" aria-modal="true" aria-label="Confirm rollback" className="history-modal">
            <h3>
              Roll back {s.confirm.kind === 'asking' && s.confirm.path ? s.confirm.path : 'everything'} to version{' '}
              {s.confirm.plan.target.slice(0, 10)}?
            </h3>
            {s.confirm.plan.changes.length === 0 ? (
              <p>{s.confirm.plan.message}</p>
            ) : (
              <>
                <p>
                  This changes {s.confirm.plan.changes.length} file{s.confirm.plan.changes.length === 1 ? '' : 's'}. The
                  current state is saved first, so you can undo this rollback from the timeline.
                </p>
                <ul className="history-plan" aria-label="What will change">
                  {s.confirm.plan.changes.map((c) => (
                    <li key={c.path}>
                      <strong>{c.action === 'write' ? 'Restore' : 'Delete'}</strong> <code>{c.path}</code>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <div className="history-modal-actions">
              <button type="button" onClick={s.cancel} disabled={s.confirm.kind === 'running'}>
                Cancel
              </button>
              <button
                type="button"
                className="danger"
                disabled={s.confirm.kind === 'running' || s.confirm.plan.changes.length === 0}
                onClick={() => void s.confirmRollback()}
              >
                {s.confirm.kind === 'running' ? 'Rolling back…' : 'Roll back'}
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
