import { SKIP_REASON_LABELS, type SourceSkips } from '../../shared/library';

interface Props {
  /** Each source's skipped files by reason (sources that skipped nothing are left out). */
  readonly skipped: ReadonlyArray<SourceSkips>;
}

/** "team: 5 skipped" per source above the tree, opening to the count per reason with a few of the paths. */
export function SkippedNotice({ skipped }: Props) {
  const shown = skipped.filter((s) => s.total > 0);
  if (!shown.length) return null;
  return (
    <div className="tree-skipped" aria-label="Files the library skipped">
      {shown.map((s) => {
        const tooltip = s.reasons.map((r) => `${r.count} ${SKIP_REASON_LABELS[r.reason]}`).join('\n');
        return (
          <details key={s.source} className="skipped-source" data-source={s.source}>
            <summary title={tooltip}>
              <span className="badge">{s.source}</span> {s.total} skipped
            </summary>
            <ul>
              {s.reasons.map((r) => (
                <li key={r.reason} data-reason={r.reason}>
                  {SKIP_REASON_LABELS[r.reason]}: {r.count}
                  {r.examples.length > 0 && (
                    <span className="muted">
                      {' '}
                      ({r.examples.join(', ')}
                      {r.count > r.examples.length ? ', …' : ''})
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </div>
  );
}
