import type { SearchHit } from '../../shared/search';

/** Ranked search results; each opens the file in the preview. */
export function SearchResults({
  hits,
  total,
  selected,
  onOpen,
}: {
  hits: ReadonlyArray<SearchHit>;
  total: number;
  selected?: { source: string; path: string };
  onOpen: (hit: SearchHit) => void;
}) {
  if (hits.length === 0) return <p className="muted pad">No files match. Try fewer or shorter words.</p>;
  return (
    <div className="search-results">
      <p className="muted pad">{total === hits.length ? `${total} matches` : `${hits.length} of ${total} matches`}</p>
      <ul aria-label="Search results">
        {hits.map((h) => {
          const isSelected = selected?.source === h.source && selected.path === h.path;
          return (
            <li key={`${h.source}:${h.path}`}>
              <button
                type="button"
                className={`search-hit${isSelected ? ' selected' : ''}`}
                data-source={h.source}
                data-path={h.path}
                onClick={() => onOpen(h)}
              >
                <span className="hit-title">{h.title}</span>
                <span className={`badge source-${h.source === 'personal' ? 'personal' : 'library'}`}>{h.source}</span>
                <span className="hit-path muted">{h.path}</span>
                {h.description && <span className="hit-desc">{h.description}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
