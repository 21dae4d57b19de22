import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { LibraryEntry } from '../../shared/library';
import { buildTree, flattenTree, type TreeRow } from './tree-model';

const ROW_HEIGHT = 26;
const OVERSCAN = 12;

interface Props {
  readonly entries: ReadonlyArray<LibraryEntry>;
  readonly selected?: { source: string; path: string };
  readonly isExpanded: (folder: string) => boolean;
  readonly onToggle: (folder: string) => void;
  readonly onOpen: (entry: LibraryEntry) => void;
}

/** The library as a folder tree; only the rows in view are rendered, so 100,000 entries scroll smoothly. */
export function FileTree({ entries, selected, isExpanded, onToggle, onOpen }: Props) {
  const tree = useMemo(() => buildTree(entries), [entries]);
  const rows = useMemo(() => flattenTree(tree, isExpanded), [tree, isExpanded]);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const ref = useRef<HTMLDivElement>(null);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const visible = rows.slice(first, last);

  const activate = (row: TreeRow) => (row.kind === 'folder' ? onToggle(row.path) : onOpen(row.entry));
  const onKey = (e: KeyboardEvent, row: TreeRow) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate(row);
    }
  };

  return (
    <div
      className="tree"
      role="tree"
      aria-label="Library files"
      ref={(el) => {
        ref.current = el;
        if (el && el.clientHeight && el.clientHeight !== height) setHeight(el.clientHeight);
      }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
        {visible.map((row, i) => {
          const top = (first + i) * ROW_HEIGHT;
          const style = { top, height: ROW_HEIGHT, paddingLeft: 8 + row.depth * 14 };
          if (row.kind === 'folder') {
            return (
              <div key={row.key} className="tree-row folder" role="treeitem" aria-expanded={row.expanded} tabIndex={0} style={style} onClick={() => activate(row)} onKeyDown={(e) => onKey(e, row)} data-path={row.path}>
                <span className="twisty">{row.expanded ? '▾' : '▸'}</span>
                <span className="name">{row.name}</span>
                <span className="count">{row.count}</span>
              </div>
            );
          }
          const e = row.entry;
          const isSelected = selected?.source === e.source && selected.path === e.path;
          return (
            <div
              key={row.key}
              className={`tree-row file${isSelected ? ' selected' : ''}${e.overriddenBy ? ' overridden' : ''}`}
              role="treeitem"
              aria-selected={isSelected}
              tabIndex={0}
              style={style}
              title={`${e.title}${e.overriddenBy ? ` (overridden by ${e.overriddenBy})` : e.overrides.length ? ` (overrides ${e.overrides.join(', ')})` : ''}`}
              onClick={() => activate(row)}
              onKeyDown={(ev) => onKey(ev, row)}
              data-source={e.source}
              data-path={e.path}
            >
              <span className={`kind kind-${e.kind}`} aria-hidden>
                {e.kind === 'agent' ? '◆' : e.kind === 'mcp-server' ? '⚙' : '≡'}
              </span>
              <span className="name">{row.name}</span>
              <span className={`badge source-${e.source === 'personal' ? 'personal' : 'library'}`}>{e.source}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
