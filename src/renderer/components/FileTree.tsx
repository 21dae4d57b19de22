import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { EntryKind } from '../../shared/library';
import type { TreeEntry } from '../../shared/outline';
import { KIND_ICONS, KIND_LABELS } from './kinds';
import { SkippedNotice } from './SkippedNotice';
import type { LibraryTree, TreeNode } from './tree-model';

const ROW_HEIGHT = 26;
const OVERSCAN = 12;

interface Props {
  readonly tree: LibraryTree;
  /** The tree's version when it was last changed (the tree changes in place). */
  readonly version: number;
  readonly selected?: { source: string; path: string };
  readonly isExpanded: (folder: string) => boolean;
  readonly onToggle: (folder: string) => void;
  readonly onOpen: (entry: TreeEntry) => void;
  /** Show only files of this kind (and the folders holding some). */
  readonly kind?: EntryKind;
}

/**
 * The library as a folder tree of fixed-height rows; only the rows in view are rendered, a scroll re-renders
 * only when the first row in view changes, and rows are memoised, so 100,000 entries scroll smoothly.
 */
export function FileTree({ tree, version, selected, isExpanded, onToggle, onOpen, kind }: Props) {
  // The tree changes in place; `version` says when.
  const rows = useMemo(() => tree.rows(isExpanded, kind), [tree, version, isExpanded, kind]);
  const [firstInView, setFirstInView] = useState(0);
  const [height, setHeight] = useState(600);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => el.clientHeight && setHeight(el.clientHeight);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const inView = Math.ceil(height / ROW_HEIGHT) + 1;
  const first = Math.max(0, firstInView - OVERSCAN);
  const last = Math.min(rows.length, firstInView + inView + OVERSCAN);
  // Rows are keyed by slot (index modulo the window size), so a row scrolled out is reused for the one scrolled
  // in: a jump far down updates the same DOM nodes instead of removing and creating them all.
  const slots = inView + 2 * OVERSCAN;
  const visible: ReactElement[] = [];
  for (let i = first; i < last; i++) {
    const node = rows[i]!;
    const isSelected =
      node.kind === 'file' && selected?.source === node.entry.source && selected.path === node.entry.path;
    visible.push(
      <Row
        key={i % slots}
        node={node}
        top={i * ROW_HEIGHT}
        expanded={node.kind === 'folder' && isExpanded(node.path)}
        count={node.kind === 'folder' ? (kind ? (node.kinds.get(kind) ?? 0) : node.count) : 0}
        selected={isSelected}
        onToggle={onToggle}
        onOpen={onOpen}
      />,
    );
  }

  return (
    <>
      <SkippedNotice skipped={tree.skipped} />
      <div
        className="tree"
        role="tree"
        aria-label="Library files"
        ref={ref}
        onScroll={(e) => setFirstInView(Math.floor(e.currentTarget.scrollTop / ROW_HEIGHT))}
      >
        <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>{visible}</div>
      </div>
    </>
  );
}

interface RowProps {
  readonly node: TreeNode;
  readonly top: number;
  readonly expanded: boolean;
  /** A folder's file count (the node changes in place, so it is passed to re-render when it changes). */
  readonly count: number;
  readonly selected: boolean;
  readonly onToggle: (folder: string) => void;
  readonly onOpen: (entry: TreeEntry) => void;
}

/** One row; re-renders only when its node, place, open state or selection changes. */
const Row = memo(function Row({ node, top, expanded, count, selected, onToggle, onOpen }: RowProps) {
  const activate = () => (node.kind === 'folder' ? onToggle(node.path) : onOpen(node.entry));
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate();
    }
  };
  const style = { top, height: ROW_HEIGHT, paddingLeft: 8 + node.depth * 14 };
  if (node.kind === 'folder') {
    return (
      <div
        className="tree-row folder"
        role="treeitem"
        aria-expanded={expanded}
        tabIndex={0}
        style={style}
        onClick={activate}
        onKeyDown={onKey}
        data-path={node.path}
      >
        <span className="twisty">{expanded ? '▾' : '▸'}</span>
        <span className="name">{node.name}</span>
        <span className="count">{count}</span>
      </div>
    );
  }
  const e = node.entry;
  const overrides = e.overrides.length ? ` (overrides ${e.overrides.join(', ')})` : '';
  return (
    <div
      className={`tree-row file${selected ? ' selected' : ''}${e.overriddenBy ? ' overridden' : ''}`}
      role="treeitem"
      aria-selected={selected}
      tabIndex={0}
      style={style}
      title={`${e.title}${e.overriddenBy ? ` (overridden by ${e.overriddenBy})` : overrides}`}
      onClick={activate}
      onKeyDown={onKey}
      data-source={e.source}
      data-path={e.path}
      data-kind={e.kind}
    >
      <span className={`kind kind-${e.kind}`} title={KIND_LABELS[e.kind]} aria-hidden>
        {KIND_ICONS[e.kind] ?? '≡'}
      </span>
      <span className="name">{node.name}</span>
      <span className={`badge source-${e.source === 'personal' ? 'personal' : 'library'}`}>{e.source}</span>
    </div>
  );
});
