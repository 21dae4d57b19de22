import { useState } from 'react';
import type { ConflictDetail } from '../../shared/sync';
import { useSync } from '../stores/sync';
import { ErrorNotice } from './ErrorNotice';

/** Both sides of one conflict as a line diff, with keep mine / keep theirs / edit by hand. */
export function ConflictView({ detail }: { detail: ConflictDetail }) {
  const { busy, resolve } = useSync();
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const c = detail.conflict;
  return (
    <article className="conflict" aria-label="Conflict">
      <h3>{c.original}</h3>
      <p className="muted">
        <span className="side-mine">Mine</span>: the file at {c.original}
        {c.originalExists ? '' : ' (missing)'} · <span className="side-theirs">Theirs</span>: {c.path} ({c.provider}
        {c.from ? `, from ${c.from}` : ''}
        {c.when ? `, ${c.when}` : ''})
      </p>
      {detail.binary ? (
        <p>These are binary files; pick a side (the other is kept in history).</p>
      ) : editing === undefined ? (
        <pre className="sync-diff" aria-label="Differences">
          {detail.diff.map((l, i) => (
            <div key={i} className={`diff-${l.kind}`}>
              <span className="diff-mark">{l.kind === 'mine' ? '−' : l.kind === 'theirs' ? '+' : ' '}</span>
              {l.text}
            </div>
          ))}
        </pre>
      ) : (
        <textarea
          aria-label="Edited version"
          className="editor"
          value={editing}
          onChange={(e) => setEditing(e.target.value)}
          spellCheck={false}
        />
      )}
      <div className="wizard-actions">
        {editing === undefined ? (
          <>
            <button type="button" disabled={busy} onClick={() => void resolve('mine')}>
              Keep mine
            </button>
            <button type="button" disabled={busy} onClick={() => void resolve('theirs')}>
              Keep theirs
            </button>
            {!detail.binary && (
              <button type="button" disabled={busy} onClick={() => setEditing(detail.mine)}>
                Edit by hand
              </button>
            )}
          </>
        ) : (
          <>
            <button type="button" onClick={() => setEditing(undefined)}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void resolve('manual', editing)}>
              Save edit
            </button>
          </>
        )}
      </div>
      <p className="muted">
        The side you do not keep is saved in history and in the backups folder; nothing is deleted blindly.
      </p>
    </article>
  );
}

/** The list of conflicted copies and the open one. */
export function ConflictsPanel() {
  const { conflicts, selected, detail, openConflict, refresh } = useSync();
  return (
    <section className="sync-conflicts" aria-label="Conflicts">
      <div className="side-head">
        <h2>Conflicts</h2>
        <button type="button" onClick={() => void refresh()}>
          Refresh
        </button>
      </div>
      {conflicts.kind === 'error' && <ErrorNotice error={conflicts.error} />}
      {conflicts.kind === 'ready' && conflicts.value.length === 0 && <p className="muted pad">No conflicts.</p>}
      {conflicts.kind === 'ready' && conflicts.value.length > 0 && (
        <ul className="conflict-list">
          {conflicts.value.map((c) => (
            <li key={c.path}>
              <button
                type="button"
                className={c.path === selected ? 'selected' : ''}
                onClick={() => void openConflict(c.path)}
              >
                {c.path}
              </button>
            </li>
          ))}
        </ul>
      )}
      {detail.kind === 'loading' && <p className="muted pad">Opening…</p>}
      {detail.kind === 'error' && <ErrorNotice error={detail.error} />}
      {detail.kind === 'ready' && <ConflictView key={detail.value.conflict.path} detail={detail.value} />}
    </section>
  );
}
