import { CONTENT_KINDS, type ContentKind, type KindOutcome } from '../../../shared/content';

const KIND_HEADINGS: Readonly<Record<ContentKind, string>> = {
  rule: 'Rules',
  skill: 'Skills',
  command: 'Commands',
  agent: 'Agent',
  hook: 'Hooks',
  permissions: 'Permissions',
  'mcp-server': 'MCP servers',
};

const OUTCOME_LABELS = { native: 'native', fallback: 'fallback', skipped: 'skipped' } as const;

/** The flag a skipped user-level file asks for: such items get the panel's "Also write user-level files". */
export const USER_FILES_FLAG = '--allow-user-files';

/** The report's items skipped because they are user-level files of a project-scope install. */
export function userFileSkips(report: ReadonlyArray<KindOutcome>): KindOutcome[] {
  return report.filter((o) => o.outcome === 'skipped' && o.detail.includes(USER_FILES_FLAG));
}

/**
 * What each library item becomes in one tool, grouped by kind: native (the tool's own form), fallback (another
 * form, e.g. a command as a skill) or skipped (with why). Shown before anything is written.
 */
export function KindReport({ tool, report }: { tool: string; report: ReadonlyArray<KindOutcome> }) {
  if (!report.length)
    return (
      <section className="kind-report" aria-label={`What each kind becomes in ${tool}`}>
        <p className="muted">Nothing to report: this tool gives no per-item report for this agent.</p>
      </section>
    );
  const byKind = CONTENT_KINDS.map((k) => [k, report.filter((o) => o.kind === k)] as const).filter(
    ([, items]) => items.length,
  );
  const counts = (['native', 'fallback', 'skipped'] as const)
    .map((o) => [o, report.filter((x) => x.outcome === o).length] as const)
    .filter(([, n]) => n)
    .map(([o, n]) => `${n} ${o}`)
    .join(', ');
  return (
    <section className="kind-report" aria-label={`What each kind becomes in ${tool}`}>
      <p className="muted">
        In {tool}: {counts}.
      </p>
      {byKind.map(([kind, items]) => (
        <div key={kind} role="group" aria-label={KIND_HEADINGS[kind]}>
          <h4>
            {KIND_HEADINGS[kind]} ({items.length})
          </h4>
          <ul>
            {items.map((o) => (
              <li key={`${o.kind}:${o.name}`} className={o.outcome === 'skipped' ? 'warn' : undefined}>
                <span className={`badge outcome-${o.outcome}`}>{OUTCOME_LABELS[o.outcome]}</span> <code>{o.name}</code>
                {o.mappedName && o.mappedName !== o.name && (
                  <>
                    {' '}
                    as <code>{o.mappedName}</code>
                  </>
                )}
                : {o.detail}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
