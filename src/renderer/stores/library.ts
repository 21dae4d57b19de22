import { create } from 'zustand';
import type { IpcError } from '../../shared/errors';
import type { WorkspaceStatus } from '../../shared/ipc/channels/app';
import type { FilesChangedEvent } from '../../shared/ipc/contract';
import { MAX_DELTA_PATHS } from '../../shared/ipc/channels/library';
import type { EntryKind, LibraryFile } from '../../shared/library';
import { decodeOutline } from '../../shared/outline';
import { LibraryTree } from '../components/tree-model';
import type { SearchResult } from '../../shared/search';
import { getApi, newActionId } from '../api/client';

export type Load<T> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly value: T }
  | { readonly kind: 'error'; readonly error: IpcError };

interface LibraryState {
  status: Load<WorkspaceStatus>;
  /** The folder tree; it changes in place by deltas, and `treeVersion` says when. */
  tree: Load<LibraryTree>;
  treeVersion: number;
  /** How the tree was brought up to date so far: whole fetches and deltas (the benchmark and tests read these). */
  treeFetches: { full: number; delta: number };
  selected?: { source: string; path: string };
  file: Load<LibraryFile>;
  expanded: Record<string, boolean>;
  /** What a folder without its own toggle shows: top level open ('default'), every folder open, or none. */
  expandMode: ExpandMode;
  initializing: boolean;
  initError?: IpcError;
  refresh(): Promise<void>;
  init(): Promise<void>;
  open(entry: { source: string; path: string }): Promise<void>;
  /**
   * Applies a files:changed event to the tree (batched): a delta for the changed paths, or a whole fetch when it
   * cannot be one.
   */
  filesChanged(e: FilesChangedEvent): void;
  /** Resolves when every change seen so far is in the tree. */
  settled(): Promise<void>;
  toggle(folder: string): void;
  /** Opens every folder. */
  expandAll(): void;
  /** Closes every folder. */
  collapseAll(): void;
  query: string;
  kindFilter?: EntryKind;
  results: Load<SearchResult>;
  /** Runs the search as the user types; a newer keystroke wins over a slower older answer. */
  setQuery(query: string, kind?: EntryKind): Promise<void>;
  /** Keeps the tree and results current when files change on disk (the index's files:changed event). */
  subscribe(): () => void;
}

let searchSeq = 0;
let changeTimer: ReturnType<typeof setTimeout> | undefined;
/** Changed paths per source, waiting for the batch to be applied. */
let pendingChanges = new Map<string, Set<string>>();
/** Tree updates run one after another, so a delta never lands before an older whole fetch. */
let treeQueue: Promise<void> = Promise.resolve();
const CHANGE_BATCH_MS = 100;
const enqueue = (fn: () => Promise<void>): Promise<void> => {
  const run = treeQueue.then(fn);
  treeQueue = run.catch(() => undefined);
  return run;
};
const countFetch = (kind: 'full' | 'delta') => {
  const f = useLibrary.getState().treeFetches;
  return { treeFetches: { ...f, [kind]: f[kind] + 1 } };
};

/** Mirrors what main owns about the library: workspace status, the file list, the open file. */
export const useLibrary = create<LibraryState>((set, get) => ({
  status: { kind: 'idle' },
  tree: { kind: 'idle' },
  treeVersion: 0,
  treeFetches: { full: 0, delta: 0 },
  file: { kind: 'idle' },
  expanded: {},
  expandMode: 'default',
  initializing: false,
  async refresh() {
    const api = getApi();
    set({ status: { kind: 'loading' } });
    const status = await api.invoke('workspace:status', {}, { correlationId: newActionId('status') });
    if (!status.ok) {
      set({ status: { kind: 'error', error: status.error } });
      return;
    }
    set({ status: { kind: 'ready', value: status.value } });
    if (!status.value.initialized) {
      set({ tree: { kind: 'ready', value: new LibraryTree() } });
      return;
    }
    await enqueue(fetchWholeTree);
  },
  async init() {
    set({ initializing: true, initError: undefined });
    const r = await getApi().invoke('workspace:init', {}, { correlationId: newActionId('init') });
    set({ initializing: false, ...(r.ok ? {} : { initError: r.error }) });
    await get().refresh();
  },
  async open(entry) {
    set({ selected: { source: entry.source, path: entry.path }, file: { kind: 'loading' } });
    const r = await getApi().invoke(
      'library:read',
      { source: entry.source, path: entry.path },
      { correlationId: newActionId('read') },
    );
    const current = get().selected;
    if (current?.source !== entry.source || current.path !== entry.path) return;
    set({ file: r.ok ? { kind: 'ready', value: r.value } : { kind: 'error', error: r.error } });
  },
  query: '',
  results: { kind: 'idle' },
  async setQuery(query, kind) {
    const seq = ++searchSeq;
    set({ query, kindFilter: kind });
    // A kind alone filters the tree (FileTree's `kind`); only words search.
    if (!query.trim()) {
      set({ results: { kind: 'idle' } });
      return;
    }
    if (get().results.kind !== 'ready') set({ results: { kind: 'loading' } });
    const r = await getApi().invoke(
      'index:search',
      { query, limit: 100, ...(kind ? { kind } : {}) },
      { correlationId: newActionId('search') },
    );
    if (seq !== searchSeq) return;
    set({ results: r.ok ? { kind: 'ready', value: r.value } : { kind: 'error', error: r.error } });
  },
  subscribe() {
    return getApi().on('files:changed', (e) => get().filesChanged(e));
  },
  filesChanged(e) {
    let paths = pendingChanges.get(e.source);
    if (!paths) pendingChanges.set(e.source, (paths = new Set()));
    for (const p of e.paths) paths.add(p);
    if (changeTimer) clearTimeout(changeTimer);
    changeTimer = setTimeout(() => {
      changeTimer = undefined;
      const changes = pendingChanges;
      pendingChanges = new Map();
      void enqueue(() => applyChanges(changes));
      const { query, kindFilter } = get();
      if (query.trim()) void get().setQuery(query, kindFilter);
    }, CHANGE_BATCH_MS);
  },
  async settled() {
    while (changeTimer || pendingChanges.size) await new Promise((r) => setTimeout(r, CHANGE_BATCH_MS));
    await treeQueue;
  },
  toggle(folder) {
    set((s) => ({ expanded: { ...s.expanded, [folder]: !isFolderExpanded(s.expanded, s.expandMode, folder) } }));
  },
  expandAll() {
    set({ expanded: {}, expandMode: 'all' });
  },
  collapseAll() {
    set({ expanded: {}, expandMode: 'none' });
  },
}));

/** Fetches the whole tree (compact outline) and replaces the one shown. */
async function fetchWholeTree(): Promise<void> {
  const { tree } = useLibrary.getState();
  if (tree.kind !== 'ready') useLibrary.setState({ tree: { kind: 'loading' } });
  const r = await getApi().invoke('library:outline', {}, { correlationId: newActionId('tree') });
  const next = r.ok ? new LibraryTree(decodeOutline(r.value), r.value.sources) : undefined;
  next?.setSkipped(r.ok ? r.value.skipped : undefined);
  useLibrary.setState({
    tree: next ? { kind: 'ready', value: next } : r.ok ? tree : { kind: 'error', error: r.error },
    treeVersion: next?.version ?? 0,
    ...countFetch('full'),
  });
}

/**
 * Brings the tree up to date with a batch of changed paths: fetches only the entries now at those paths and
 * swaps them in. Fetches the whole tree instead when there is none yet, a source is new to it (added or
 * renamed), or the batch is too large to be worth a delta.
 */
async function applyChanges(changes: ReadonlyMap<string, ReadonlySet<string>>): Promise<void> {
  const { tree } = useLibrary.getState();
  const paths = new Set<string>();
  for (const set of changes.values()) for (const p of set) paths.add(p);
  if (!paths.size) return;
  const whole =
    tree.kind !== 'ready' ||
    [...changes.keys()].some((s) => !tree.value.sources.has(s)) ||
    paths.size > MAX_DELTA_PATHS;
  if (whole) {
    if (tree.kind === 'ready' || tree.kind === 'error') await fetchWholeTree();
    return;
  }
  const r = await getApi().invoke(
    'library:entriesAt',
    { paths: [...paths] },
    { correlationId: newActionId('treedelta') },
  );
  if (!r.ok) return fetchWholeTree();
  const current = useLibrary.getState().tree;
  if (current.kind !== 'ready') return;
  current.value.replaceAt(paths, decodeOutline(r.value));
  current.value.setSkipped(r.value.skipped);
  useLibrary.setState({ treeVersion: current.value.version, ...countFetch('delta') });
}

export type ExpandMode = 'default' | 'all' | 'none';

/** Top-level folders start open, deeper ones closed. */
export function defaultExpanded(folder: string): boolean {
  return !folder.includes('/');
}

/** Whether a folder is open: its own toggle if it has one, else what the expand mode says. */
export function isFolderExpanded(
  expanded: Readonly<Record<string, boolean>>,
  mode: ExpandMode,
  folder: string,
): boolean {
  return expanded[folder] ?? (mode === 'all' ? true : mode === 'none' ? false : defaultExpanded(folder));
}
