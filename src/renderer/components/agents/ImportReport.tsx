import type { ImportResult } from '../../../shared/agents';

/** One line per file the import looked at: imported as what into which paths, merged into what, or skipped why. */
export function ImportReport({ result }: { result: ImportResult }) {
  if (!result.files.length)
    return (
      <p className="muted" role="note">
        No tool config files were found in what was given
        {result.otherFiles ? ` (${result.otherFiles} other file(s) were not looked at)` : ''}.
      </p>
    );
  return (
    <>
      <ul className="import-files" aria-label="Files looked at">
        {result.files.map((f) => (
          <li key={f.from} aria-label={f.from} className={`import-file ${f.outcome}`}>
            <code>{f.from}</code> <strong className="outcome">{f.outcome}</strong>
            {f.as && <span> as {f.as}</span>}
            {f.outcome !== 'skipped' && f.paths.length > 0 && <span> → {f.paths.join(', ')}</span>}
            {f.reason && <span className="muted">: {f.reason}</span>}
          </li>
        ))}
      </ul>
      {result.otherFiles > 0 && (
        <p className="muted">{result.otherFiles} other file(s) are no tool config type and were not looked at.</p>
      )}
    </>
  );
}
