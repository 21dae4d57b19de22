import { useState, type DragEvent } from 'react';
import { useAgents } from '../../stores/agents';
import { ErrorNotice } from '../ErrorNotice';

/** Import existing tool configs: drop files on the zone or give a folder; a preview says what becomes what. */
export function ImportPanel({ onDone }: { onDone: () => void }) {
  const { imported, previewImport, confirmImport, busy } = useAgents();
  const [folder, setFolder] = useState('');
  const [over, setOver] = useState(false);
  const onDrop = async (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const files = await Promise.all(
      [...e.dataTransfer.files].map(async (f) => ({ name: f.name, content: await f.text() })),
    );
    if (files.length) await previewImport({ files });
  };
  return (
    <section className="agent-editor" aria-label="Import">
      <h2>Import tool configs</h2>
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        aria-label="Drop files to import"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => void onDrop(e)}
      >
        Drop CLAUDE.md, AGENTS.md, GEMINI.md, .mdc rules, *.instructions.md, Windsurf rules, Q/Kiro agent JSON,
        .mcp.json, claude_desktop_config.json or config.toml here
      </div>
      <div className="form-row">
        <label className="grow">
          Or a folder (a project, or your home folder)
          <input type="text" placeholder="/absolute/path" value={folder} onChange={(e) => setFolder(e.target.value)} />
        </label>
        <button type="button" disabled={!folder.trim()} onClick={() => void previewImport({ path: folder.trim() })}>
          Preview import
        </button>
      </div>
      {imported.kind === 'loading' && <p className="muted">Reading…</p>}
      {imported.kind === 'error' && <ErrorNotice error={imported.error} />}
      {imported.kind === 'ready' && (
        <div aria-label="Import preview">
          <table className="import-table">
            <thead>
              <tr>
                <th>From</th>
                <th>Becomes</th>
                <th>Kind</th>
                <th>Action</th>
              </tr>
            </thead>
            <tbody>
              {imported.value.items.map((i) => (
                <tr key={i.path}>
                  <td>{i.from}</td>
                  <td>{i.path}</td>
                  <td>{i.kind}</td>
                  <td>{i.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {imported.value.skipped.map((s) => (
            <p key={s.from} className="muted">
              Skipped {s.from}: {s.reason}
            </p>
          ))}
          {imported.value.warnings.map((w) => (
            <p key={w} className="warn">
              {w}
            </p>
          ))}
          {imported.value.dryRun ? (
            <button
              type="button"
              className="primary"
              disabled={busy || !imported.value.items.some((i) => i.action === 'create')}
              onClick={() => void confirmImport()}
            >
              Import {imported.value.items.filter((i) => i.action === 'create').length} file(s)
            </button>
          ) : (
            <p role="status">
              Imported {imported.value.written} file(s) into the personal workspace.{' '}
              <button type="button" onClick={onDone}>
                Done
              </button>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
