import { useCallback, useEffect } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { FilePreview } from '../components/FilePreview';
import { FileTree } from '../components/FileTree';
import { SearchResults } from '../components/SearchResults';
import { FILTER_KINDS, KIND_ICONS, KIND_LABELS } from '../components/kinds';
import type { EntryKind } from '../../shared/library';
import { isFolderExpanded, useLibrary } from '../stores/library';

/** Browse every library and personal file; open one to see its fields and rendered text. */
export function LibraryScreen() {
  const {
    status,
    tree,
    treeVersion,
    selected,
    file,
    expanded,
    expandMode,
    expandAll,
    collapseAll,
    initializing,
    initError,
    refresh,
    init,
    open,
    toggle,
    query,
    kindFilter,
    results,
    setQuery,
    subscribe,
  } = useLibrary();
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => subscribe(), [subscribe]);
  const searching = !!query.trim();
  const isExpanded = useCallback(
    (folder: string) => isFolderExpanded(expanded, expandMode, folder),
    [expanded, expandMode],
  );

  if (status.kind === 'ready' && !status.value.initialized) {
    return (
      <section className="empty-state">
        <h2>Welcome to AI Configurator</h2>
        <p>
          Set up a workspace in {status.value.home}. It starts with the built-in starter library: team policies, role
          guides, MCP servers and example agents. You can add your team's Git library later.
        </p>
        <button type="button" className="primary" disabled={initializing} onClick={() => void init()}>
          {initializing ? 'Setting up…' : 'Set up workspace'}
        </button>
        {initError && <ErrorNotice error={initError} />}
      </section>
    );
  }

  return (
    <div className="library">
      <aside className="library-side">
        <div className="side-head">
          <h2>Library</h2>
          {tree.kind === 'ready' && <span className="muted">{tree.value.size} files</span>}
          {tree.kind === 'ready' && !searching && (
            <span className="tree-actions">
              <button type="button" className="link" onClick={expandAll}>
                Expand all
              </button>
              <button type="button" className="link" onClick={collapseAll}>
                Collapse all
              </button>
            </span>
          )}
        </div>
        <div className="search-bar">
          <input
            type="search"
            role="searchbox"
            aria-label="Search the library"
            placeholder="Search titles, tags, paths and text…"
            value={query}
            onChange={(e) => void setQuery(e.target.value, kindFilter)}
          />
          <select
            aria-label="Kind"
            value={kindFilter ?? ''}
            onChange={(e) => void setQuery(query, (e.target.value || undefined) as EntryKind | undefined)}
          >
            <option value="">All kinds</option>
            {FILTER_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_ICONS[k]} {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="kind-chips" role="group" aria-label="Filter by kind">
          {FILTER_KINDS.map((k) => (
            <button
              key={k}
              type="button"
              className={`chip kind-chip${kindFilter === k ? ' on' : ''}`}
              aria-pressed={kindFilter === k}
              onClick={() => void setQuery(query, kindFilter === k ? undefined : k)}
            >
              <span className={`kind kind-${k}`} aria-hidden>
                {KIND_ICONS[k]}
              </span>{' '}
              {KIND_LABELS[k]}
            </button>
          ))}
        </div>
        {searching ? (
          results.kind === 'ready' ? (
            <SearchResults
              hits={results.value.hits}
              total={results.value.total}
              onOpen={(h) => void open(h)}
              {...(selected ? { selected } : {})}
            />
          ) : results.kind === 'error' ? (
            <ErrorNotice error={results.error} />
          ) : (
            <p className="muted pad">Searching…</p>
          )
        ) : tree.kind === 'loading' || tree.kind === 'idle' ? (
          <p className="muted pad">Loading the library…</p>
        ) : tree.kind === 'error' ? (
          <ErrorNotice error={tree.error} onRetry={() => void refresh()} />
        ) : tree.value.size === 0 ? (
          <p className="muted pad">The library is empty.</p>
        ) : kindFilter && !tree.value.root.kinds.get(kindFilter) ? (
          <p className="muted pad">No {KIND_LABELS[kindFilter]} files in the library.</p>
        ) : (
          <FileTree
            tree={tree.value}
            {...(kindFilter ? { kind: kindFilter } : {})}
            version={treeVersion}
            isExpanded={isExpanded}
            onToggle={toggle}
            onOpen={open}
            {...(selected ? { selected } : {})}
          />
        )}
        {status.kind === 'error' && <ErrorNotice error={status.error} onRetry={() => void refresh()} />}
      </aside>
      <main className="library-main">
        {file.kind === 'idle' && <p className="muted pad">Pick a file on the left to see it here.</p>}
        {file.kind === 'loading' && <p className="muted pad">Opening…</p>}
        {file.kind === 'error' && <ErrorNotice error={file.error} />}
        {file.kind === 'ready' && <FilePreview file={file.value} />}
      </main>
    </div>
  );
}
