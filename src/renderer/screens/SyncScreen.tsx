import { useEffect } from 'react';
import { ConflictsPanel } from '../components/ConflictView';
import { ErrorNotice } from '../components/ErrorNotice';
import { SetupSummary, SyncWizard } from '../components/SyncWizard';
import { useSync } from '../stores/sync';

/** Sync: the set-up wizard (or the current connection and Disconnect), and conflicts to resolve. */
export function SyncScreen() {
  const { status, step, result, busy, error, message, refresh, disconnect } = useSync();
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const s = status.kind === 'ready' ? status.value : undefined;
  const live = !!s?.syncthing;
  useEffect(() => {
    // Syncthing's folder state and completion change on their own; follow them while this screen is open.
    if (!live) return;
    const timer = setInterval(() => void refresh(), 5000);
    return () => clearInterval(timer);
  }, [live, refresh]);
  return (
    <div className="sync-screen">
      <main className="sync-main">
        <h2>Sync</h2>
        {message && (
          <p className="notice" role="status">
            {message}
          </p>
        )}
        {status.kind === 'error' && <ErrorNotice error={status.error} onRetry={() => void refresh()} />}
        {step === 'summary' && result && <SetupSummary result={result} />}
        {s?.connected ? (
          <section className="sync-status" aria-label="Sync status">
            <dl className="fields">
              <div className="field">
                <dt>provider</dt>
                <dd>{s.provider}</dd>
              </div>
              <div className="field">
                <dt>folder</dt>
                <dd>{s.personalDir}</dd>
              </div>
              <div className="field">
                <dt>since</dt>
                <dd>{s.since}</dd>
              </div>
              {s.ignoreFile && (
                <div className="field">
                  <dt>ignore rules</dt>
                  <dd>{s.ignoreFile}</dd>
                </div>
              )}
              {s.syncthing && (
                <div className="field">
                  <dt>syncthing</dt>
                  <dd>
                    {s.syncthing.folderId}: {s.syncthing.state}
                    {s.syncthing.completion
                      .map((c) => ` · ${c.deviceId.slice(0, 7)} ${c.connected ? 'connected' : 'offline'} ${c.percent}%`)
                      .join('')}
                  </dd>
                </div>
              )}
              <div className="field">
                <dt>conflicts</dt>
                <dd>{s.conflicts}</dd>
              </div>
            </dl>
            {s.providerProblem && <p className="warn">{s.providerProblem}</p>}
            {error && <ErrorNotice error={error} />}
            <button type="button" disabled={busy} onClick={() => void disconnect()}>
              {busy ? 'Moving back…' : 'Disconnect (move the workspace back)'}
            </button>
          </section>
        ) : (
          status.kind === 'ready' && <SyncWizard />
        )}
      </main>
      <aside className="sync-side">
        <ConflictsPanel />
      </aside>
    </div>
  );
}
