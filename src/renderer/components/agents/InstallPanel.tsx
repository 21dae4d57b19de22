import { useEffect } from 'react';
import { TOOL_IDS, type DriftChoice, type InstallStatus, type ToolId } from '../../../shared/agents';
import type { ToolInfo } from '../../../shared/tools';
import { useAgents } from '../../stores/agents';
import { UnifiedDiff } from '../UnifiedDiff';
import { ErrorNotice } from '../ErrorNotice';
import { ApprovalNotice, pendingOf } from './ApprovalNotice';
import { KindReport, userFileSkips } from './KindReport';

const CHOICES: ReadonlyArray<{ value: DriftChoice; label: string }> = [
  { value: 'overwrite', label: 'Overwrite with ours' },
  { value: 'adopt', label: 'Adopt theirs' },
  { value: 'skip', label: 'Skip this file' },
];

/** A tool's name in the list: its label, and for a legacy one what replaces it. */
function toolLabel(id: ToolId, tools: ReadonlyArray<ToolInfo>): string {
  const t = tools.find((x) => x.id === id);
  if (!t) return id;
  const by = t.supersededBy && tools.find((x) => x.id === t.supersededBy);
  return t.supersededBy ? `${t.label} (legacy — superseded by ${by ? by.label : t.supersededBy})` : t.label;
}

/** Pick a tool, scope and project; preview the per-file diff; install or uninstall; see a result per file. */
export function InstallPanel({ installs }: { installs: ReadonlyArray<InstallStatus> }) {
  const { target, setTarget, plan, preview, apply, resolve, resolutions, result, actionError, busy } = useAgents();
  const { tools, loadTools, allowUserFiles, setAllowUserFiles } = useAgents();
  useEffect(() => {
    void loadTools();
  }, [loadTools]);
  const toolList = tools.kind === 'ready' ? tools.value : [];
  const current = toolList.find((t) => t.id === target.tool);
  const report = plan.kind === 'ready' && plan.value.operation === 'install' ? (plan.value.report ?? []) : undefined;
  const userSkips = report ? userFileSkips(report) : [];
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
                {toolLabel(t, toolList)}
              </option>
            ))}
          </select>
        </label>
        {current?.supersededBy && (
          <p className="warn legacy-note" role="note">
            Legacy: {current.label} is superseded by {toolLabel(current.supersededBy, toolList)}. Prefer installing into
            that tool.
          </p>
        )}
        {tools.kind === 'error' && <ErrorNotice error={tools.error} onRetry={() => void loadTools()} />}
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
          {report && <KindReport tool={current?.label ?? target.tool} report={report} />}
          {(userSkips.length > 0 || allowUserFiles) && target.scope === 'project' && (
            <div className="user-files" role="group" aria-label="User-level files">
              {userSkips.length > 0 && (
                <p className="warn">
                  Not written at project scope (they live in your home folder):{' '}
                  {userSkips.map((o) => o.name).join(', ')}.
                </p>
              )}
              <label>
                <input
                  type="checkbox"
                  checked={allowUserFiles}
                  disabled={busy}
                  onChange={(e) => void setAllowUserFiles(e.target.checked)}
                />{' '}
                Also write user-level files
              </label>
            </div>
          )}
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
