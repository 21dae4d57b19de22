import type { WorkspaceStatus } from '../../shared/ipc/channels/app';

/** The library sources and the commit each is at, and where the workspace lives. */
export function StatusBar({ status }: { status?: WorkspaceStatus }) {
  return (
    <footer className="statusbar" aria-label="Status">
      {status ? (
        <>
          {status.sources.map((s) => (
            <span key={s.name} className="status-source" title={s.url}>
              <strong>{s.name}</strong> {s.present ? `${s.branch ?? ''} @ ${s.commit?.slice(0, 8) ?? '?'}` : 'missing'}
              {s.pinned ? ` (pinned ${s.pinned})` : ''}
            </span>
          ))}
          <span className="status-home" title="Workspace folder">
            {status.home}
          </span>
        </>
      ) : (
        <span>Connecting…</span>
      )}
    </footer>
  );
}
