import type { IpcError } from '../../../shared/errors';
import type { PendingApproval } from '../../../shared/scan';
import { useAgents } from '../../stores/agents';

/** The servers a NEEDS_APPROVAL error lists, or undefined for any other error. */
export function pendingOf(error: IpcError): ReadonlyArray<PendingApproval> | undefined {
  if (error.code !== 'NEEDS_APPROVAL') return undefined;
  const pending = error.details?.pending;
  return Array.isArray(pending) && pending.length ? (pending as PendingApproval[]) : undefined;
}

/**
 * An install refused for unapproved MCP servers or hooks: each exact command, and Approve (approve those, then
 * install).
 */
export function ApprovalNotice({ error }: { error: IpcError }) {
  const { approveAndApply, busy } = useAgents();
  const pending = pendingOf(error) ?? [];
  return (
    <div className="error-notice" role="alert" aria-label="Needs approval">
      <strong>
        These {pending.some((p) => p.kind === 'hook') ? 'MCP servers and hooks' : 'MCP servers'} come from a library
        source and are new or changed. They would run:
      </strong>
      <ul>
        {pending.map((p) => (
          <li key={p.hash}>
            {p.kind === 'hook' ? `hook ${p.name} on ${p.event ?? ''}` : p.name}{' '}
            <span className="muted">
              from {p.source}
              {p.path ? `/${p.path}` : ''}
            </span>
            <pre>
              <code>{p.command}</code>
            </pre>
          </li>
        ))}
      </ul>
      <p>{error.hint}</p>
      <button type="button" className="primary" disabled={busy} onClick={() => void approveAndApply(pending)}>
        Approve
      </button>
    </div>
  );
}
