import { useState, type DragEvent } from 'react';
import { isGitUrl } from '../../../shared/import-target';
import { useAgents } from '../../stores/agents';
import { ErrorNotice } from '../ErrorNotice';
import { dropSources, readDropped } from './dropped-files';
import { ImportReport } from './ImportReport';

/**
 * Import existing tool configs: drop files or folders on the zone, or give a folder or a Git URL. A dry run comes
 * first: a report per file (imported as what, merged, skipped and why) and the library files it would create.
 */
export function ImportPanel({ onDone }: { onDone: () => void }) {
  const { imported, previewImport, confirmImport, busy } = useAgents();
  const [target, setTarget] = useState('');
  const [over, setOver] = useState(false);
  const [notes, setNotes] = useState<string[]>([]);
  const onDrop = async (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    // The items are only there while the event runs: take them before awaiting anything.
    const sources = dropSources(e.dataTransfer);
    const read = await readDropped(sources);
    setNotes(read.notes);
    if (read.files.length) await previewImport({ files: read.files });
  };
  const given = target.trim();
  const creates = imported.kind === 'ready' ? imported.value.items.filter((i) => i.action === 'create').length : 0;
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
        Drop files or a whole project folder here: CLAUDE.md, AGENTS.md, .cursor/rules, .github, .mcp.json, Q/Kiro
        agents, skills and more
      </div>
      {notes.map((n) => (
        <p key={n} className="warn">
          {n}
        </p>
      ))}
      <div className="form-row">
        <label className="grow">
          Or a folder (a project, or your home folder) or a Git URL
          <input
            type="text"
            placeholder="/absolute/path or https://host/owner/repo.git"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          />
        </label>
        <button
          type="button"
          disabled={!given}
          onClick={() => (setNotes([]), void previewImport(isGitUrl(given) ? { url: given } : { path: given }))}
        >
          Preview import
        </button>
      </div>
      {imported.kind === 'loading' && <p className="muted">Reading…</p>}
      {imported.kind === 'error' && <ErrorNotice error={imported.error} />}
      {imported.kind === 'ready' && (
        <div aria-label="Import preview">
          <ImportReport result={imported.value} />
          {imported.value.items.length > 0 && (
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
          )}
          {imported.value.warnings.map((w) => (
            <p key={w} className="warn">
              {w}
            </p>
          ))}
          {imported.value.dryRun ? (
            <button type="button" className="primary" disabled={busy || !creates} onClick={() => void confirmImport()}>
              Import {creates} file(s)
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
