import { TOOL_IDS, type DriftChoice, type InstallStatus, type ToolId } from '../../../shared/agents';
import { useAgents } from '../../stores/agents';
import { UnifiedDiff } from '../UnifiedDiff';
import { ErrorNotice } from '../ErrorNotice';
import { ApprovalNotice, pendingOf } from './ApprovalNotice';

const CHOICES: ReadonlyArray<{ value: DriftChoice; label: string }> = [
  { value: 'overwrite', label: 'Overwrite with ours' },
  { value: 'adopt', label: 'Adopt theirs' },
  { value: 'skip', label: 'Skip this file' },
];

/** Pick a tool, scope and project; preview the per-file diff; install or uninstall; see a result per file. */
export function InstallPanel({ installs }: { installs: ReadonlyArray<InstallStatus> }) {
  const { target, setTarget, plan, preview, apply, resolve, resolutions, result, actionError, busy } = useAgents();
  const needsProject = target.scope === 'project' && !target.project.trim();
  const installed = installs.some(
    (i) =>
      i.tool === target.tool &&
      i.scope === target.scope &&
      (target.scope === 'user' || i.project === target.project.trim()),
  );
  return (
    <section className="install-panel" aria-label="Install">
      <h3>Install</h3>
      <div className="form-row">
        <label>
          Tool
          <select value={target.tool} onChange={(e) => setTarget({ tool: e.target.value as ToolId })}>
            {TOOL_IDS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Scope
          <select value={target.scope} onChange={(e) => setTarget({ scope: e.target.value as 'user' | 'project' })}>
            <option value="project">project</option>
            <option value="user">user (home folder)</option>
          </select>
        </label>
        {target.scope === 'project' && (
          <label className="grow">
            Project folder
            <input
              type="text"
              placeholder="/absolute/path/to/project"
              value={target.project}
              onChange={(e) => setTarget({ project: e.target.value })}
            />
          </label>
        )}
      </div>
      <div className="form-row">
        <button type="button" disabled={needsProject || busy} onClick={() => void preview('install')}>
          Preview install
        </button>
        <button type="button" disabled={needsProject || busy || !installed} onClick={() => void preview('uninstall')}>
          Preview uninstall
        </button>
      </div>
      {plan.kind === 'loading' && <p className="muted">Preparing the preview…</p>}
      {plan.kind === 'error' && <ErrorNotice error={plan.error} />}
      {plan.kind === 'ready' && (
        <div className="plan" aria-label="Preview">
          {plan.value.warnings.map((w) => (
            <p key={w} className="warn">
              {w}
            </p>
          ))}
          {plan.value.files.map((f) => (
            <details key={f.path} open={f.action !== 'unchanged'} className="plan-file">
              <summary>
                <span className={`badge action-${f.action}`}>{f.action}</span> {f.path}
              </summary>
              {f.drift.length > 0 && (
                <div className="drift" role="group" aria-label={`Drift in ${f.path}`}>
                  <p className="warn">
                    Changed since our last install or not ours: {f.drift.map((d) => `${d.what} (${d.kind})`).join(', ')}
                    .
                  </p>
                  {CHOICES.map((c) => (
                    <label key={c.value}>
                      <input
                        type="radio"
                        name={`drift-${f.path}`}
                        checked={resolutions[f.path] === c.value}
                        onChange={() => resolve(f.path, c.value)}
                      />{' '}
                      {c.label}
                    </label>
                  ))}
                </div>
              )}
              <UnifiedDiff diff={f.diff} label={`Diff of ${f.path}`} />
            </details>
          ))}
          <button type="button" className="primary" disabled={busy || plan.value.blocked} onClick={() => void apply()}>
            {plan.value.operation === 'install' ? 'Install' : 'Uninstall'}
          </button>
          {plan.value.blocked && <p className="muted">Choose what to do with each changed file first.</p>}
        </div>
      )}
      {actionError &&
        (pendingOf(actionError) ? <ApprovalNotice error={actionError} /> : <ErrorNotice error={actionError} />)}
      {result && (
        <div className="result" aria-label="Result">
          <p>
            {result.operation === 'install' ? 'Installed' : 'Uninstalled'}: {result.written} file(s) written.
          </p>
          <ul>
            {result.files.map((f) => (
              <li key={f.path}>
                <span className={`badge action-${f.action}`}>{f.action}</span> {f.path}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
