/** A unified diff with added and removed lines coloured. */
export function UnifiedDiff({ diff, label }: { diff: string; label: string }) {
  if (!diff) return <p className="muted">No change.</p>;
  return (
    <pre className="diff" aria-label={label}>
      {diff.split('\n').map((line, i) => (
        <span
          key={i}
          className={
            line.startsWith('+') && !line.startsWith('+++')
              ? 'diff-add'
              : line.startsWith('-') && !line.startsWith('---')
                ? 'diff-del'
                : line.startsWith('@@')
                  ? 'diff-hunk'
                  : undefined
          }
        >
          {line + '\n'}
        </span>
      ))}
    </pre>
  );
}
