import type { PendingApproval, ScanFinding } from '../../../shared/scan';

/** What a clone or update brought in that needs a look: scan findings (file:line: rule) and servers to approve. */
export function ContentCheckNotice({
  source,
  findings = [],
  needsApproval = [],
}: {
  source: string;
  findings?: ReadonlyArray<ScanFinding>;
  needsApproval?: ReadonlyArray<PendingApproval>;
}) {
  if (!findings.length && !needsApproval.length) return null;
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <div className="warn" role="status" aria-label="Content scan">
      {findings.length > 0 && (
        <>
          <p>
            Content scan of {source}: {findings.length} finding(s), {errors} serious. They are best fixed upstream;
            `ai-config lint DIR` lists them for CI.
          </p>
          <ul aria-label="Findings">
            {findings.slice(0, 50).map((f) => (
              <li key={`${f.file}:${f.line}:${f.column ?? 0}:${f.rule}`}>
                <code>
                  {f.file}:{f.line}: {f.rule}
                </code>{' '}
                {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {needsApproval.length > 0 && (
        <>
          <p>
            {needsApproval.length} MCP server(s) or hook(s) need approval: an install that uses them shows the command
            and asks first.
          </p>
          <ul aria-label="Needs approval">
            {needsApproval.map((p) => (
              <li key={p.hash}>
                {p.kind === 'hook' ? `hook ${p.name} on ${p.event ?? ''}` : p.name}: <code>{p.command}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
