import { useEffect, useState } from 'react';
import type { InstallStatus } from '../../shared/agents';
import { AgentEditor } from '../components/agents/AgentEditor';
import { ImportPanel } from '../components/agents/ImportPanel';
import { InstallPanel } from '../components/agents/InstallPanel';
import { ErrorNotice } from '../components/ErrorNotice';
import { getApi } from '../api/client';
import { useAgents } from '../stores/agents';

const STATE_LABEL: Readonly<Record<InstallStatus['state'], string>> = {
  installed: 'installed',
  drifted: 'changed by hand',
  'needs-reinstall': 'needs reinstall',
  'missing-agent': 'agent missing',
};

function stateBadges(installs: ReadonlyArray<InstallStatus>) {
  return installs.map((i) => (
    <span
      key={`${i.tool}-${i.scope}-${i.project ?? ''}`}
      className={`badge state-${i.state}`}
      title={i.project ?? 'user scope'}
    >
      {i.tool}: {STATE_LABEL[i.state]}
    </span>
  ));
}

/** Agents: the list with install state per tool, the open agent's resources and MCP servers, and install/uninstall. */
export function AgentsScreen() {
  const { agents, selected, detail, refresh, select } = useAgents();
  const [panel, setPanel] = useState<'none' | 'new' | 'import'>('none');
  useEffect(() => {
    void refresh();
    // Library files changed (an update, a local edit, or a file arriving from another machine through sync):
    // install states may now be "needs reinstall".
    const api = getApi();
    const offIncoming = api.on('sync:incoming', () => void refresh());
    const offFiles = api.on('files:changed', () => void refresh());
    return () => {
      offIncoming();
      offFiles();
    };
  }, [refresh]);

  return (
    <div className="library">
      <aside className="library-side">
        <div className="side-head">
          <h2>Agents</h2>
          <span>
            <button type="button" onClick={() => setPanel('new')}>
              New agent
            </button>{' '}
            <button type="button" onClick={() => setPanel('import')}>
              Import
            </button>
          </span>
        </div>
        {agents.kind === 'error' && <ErrorNotice error={agents.error} onRetry={() => void refresh()} />}
        {(agents.kind === 'loading' || agents.kind === 'idle') && <p className="muted pad">Loading agents…</p>}
        {agents.kind === 'ready' && (
          <ul className="agent-list" aria-label="Agents">
            {agents.value.map((a) => (
              <li key={`${a.source}/${a.path}`}>
                <button
                  type="button"
                  className={`agent-item${a.name === selected ? ' active' : ''}`}
                  aria-current={a.name === selected ? 'true' : undefined}
                  onClick={() => (setPanel('none'), void select(a.name))}
                >
                  <strong>{a.title}</strong> <span className="muted">{a.source}</span>
                  {a.error && <span className="warn"> invalid</span>}
                  {a.toolFormat && (
                    <span className="muted" title={`${a.path}: read in ${a.toolFormat}'s own agent format`}>
                      {' '}
                      {a.toolFormat} format
                    </span>
                  )}
                  <span className="chips">{stateBadges(a.installs)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </aside>
      <main className="library-main">
        {panel === 'new' ? (
          <AgentEditor onDone={() => setPanel('none')} />
        ) : panel === 'import' ? (
          <ImportPanel onDone={() => setPanel('none')} />
        ) : detail.kind === 'idle' ? (
          <p className="muted pad">Pick an agent on the left, or create one.</p>
        ) : detail.kind === 'loading' ? (
          <p className="muted pad">Opening…</p>
        ) : detail.kind === 'error' ? (
          <ErrorNotice error={detail.error} />
        ) : (
          <article className="preview" aria-label="Agent">
            <h1>{detail.value.agent.title ?? detail.value.agent.name}</h1>
            <p className="description">{detail.value.agent.description}</p>
            <p className="preview-path">
              {detail.value.agent.source}/{detail.value.agent.path}
            </p>
            <div className="chips">{stateBadges(detail.value.installs)}</div>
            {detail.value.warnings.map((w) => (
              <p key={w} className="warn">
                {w}
              </p>
            ))}
            <h3>Resources ({detail.value.resources.length})</h3>
            <ul aria-label="Resources">
              {detail.value.resources.map((r) => (
                <li key={r.path}>
                  {r.path}{' '}
                  <span className="muted">
                    {r.source}
                    {r.via !== r.path ? ` · via ${r.via}` : ''}
                  </span>
                </li>
              ))}
            </ul>
            <h3>Context budget</h3>
            <table className="import-table" aria-label="Context budget">
              <tbody>
                {detail.value.budget.perTool.map((t) => (
                  <tr key={t.tool} className={t.over ? 'warn' : undefined}>
                    <td>{t.tool}</td>
                    <td>~{t.tokens.toLocaleString('en')} tokens</td>
                    <td>{t.limit ? `suggested ≤ ${t.limit.toLocaleString('en')}` : 'MCP only'}</td>
                    <td>{t.over ? 'over budget' : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>MCP servers</h3>
            <p>{detail.value.mcpServers.map((s) => s.name).join(', ') || 'none'}</p>
            <InstallPanel installs={detail.value.installs} />
          </article>
        )}
      </main>
    </div>
  );
}
