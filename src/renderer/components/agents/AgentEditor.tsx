import { useEffect, useMemo, useState } from 'react';
import { useAgents, type AgentDraft } from '../../stores/agents';
import { ErrorNotice } from '../ErrorNotice';

const EMPTY: AgentDraft = { name: '', title: '', description: '', prompt: '', resources: [], mcpServers: [] };

/** A new agent: name, prompt, resources picked from the library tree with search, and MCP servers. */
export function AgentEditor({ onDone }: { onDone: () => void }) {
  const { library, loadLibrary, create, busy, actionError } = useAgents();
  const [draft, setDraft] = useState<AgentDraft>(EMPTY);
  const [query, setQuery] = useState('');
  useEffect(() => {
    void loadLibrary();
  }, [loadLibrary]);
  const knowledge = useMemo(
    () => library.filter((e) => e.kind === 'knowledge' && !/^(README|LICENSE)/i.test(e.path)),
    [library],
  );
  const servers = useMemo(
    () =>
      library
        .filter((e) => e.kind === 'mcp-server')
        .map((e) => e.path.replace(/^mcp-servers\//, '').replace(/\.json$/, '')),
    [library],
  );
  const q = query.trim().toLowerCase();
  const shown = q
    ? knowledge.filter(
        (e) =>
          e.path.toLowerCase().includes(q) ||
          e.title.toLowerCase().includes(q) ||
          e.tags.some((t) => t.toLowerCase().includes(q)),
      )
    : knowledge;
  const toggle = (key: 'resources' | 'mcpServers', value: string) =>
    setDraft((d) => ({ ...d, [key]: d[key].includes(value) ? d[key].filter((x) => x !== value) : [...d[key], value] }));

  return (
    <form
      className="agent-editor"
      aria-label="New agent"
      onSubmit={(e) => {
        e.preventDefault();
        void create(draft).then((ok) => ok && onDone());
      }}
    >
      <h2>New agent</h2>
      <label>
        Name
        <input
          required
          pattern="[a-z0-9][a-z0-9._-]*"
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </label>
      <label>
        Title
        <input value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
      </label>
      <label>
        Description
        <input value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
      </label>
      <label>
        Prompt
        <textarea rows={8} value={draft.prompt} onChange={(e) => setDraft({ ...draft, prompt: e.target.value })} />
      </label>
      <fieldset>
        <legend>Resources ({draft.resources.length})</legend>
        <input
          type="search"
          placeholder="Search the library"
          aria-label="Search resources"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <div className="pick-list">
          {shown.map((e) => (
            <label key={e.path}>
              <input
                type="checkbox"
                checked={draft.resources.includes(e.path)}
                onChange={() => toggle('resources', e.path)}
              />{' '}
              {e.path} <span className="muted">{e.source}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>MCP servers</legend>
        {servers.map((name) => (
          <label key={name}>
            <input
              type="checkbox"
              checked={draft.mcpServers.includes(name)}
              onChange={() => toggle('mcpServers', name)}
            />{' '}
            {name}
          </label>
        ))}
      </fieldset>
      <div className="form-row">
        <button type="submit" className="primary" disabled={busy || !draft.name}>
          Create in personal workspace
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      {actionError && <ErrorNotice error={actionError} />}
    </form>
  );
}
