import { create } from 'zustand';
import type { IpcError } from '../../shared/errors';
import type { WorkspaceStatus } from '../../shared/ipc/channels/app';
import type { EntryKind, LibraryEntry, LibraryFile } from '../../shared/library';
import type { SearchResult } from '../../shared/search';
import { getApi, newActionId } from '../api/client';

export type Load<T> = { readonly kind: 'idle' } | { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly value: T } | { readonly kind: 'error'; readonly error: IpcError };

interface LibraryState {
  status: Load<WorkspaceStatus>;
  entries: Load<ReadonlyArray<LibraryEntry>>;
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

/** Mirrors what main owns about the library: workspace status, the file list, the open file. */
export const useLibrary = create<LibraryState>((set, get) => ({
  status: { kind: 'idle' },
  entries: { kind: 'idle' },
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
      set({ entries: { kind: 'ready', value: [] } });
      return;
    }
    if (get().entries.kind !== 'ready') set({ entries: { kind: 'loading' } });
    const tree = await api.invoke('library:tree', {}, { correlationId: newActionId('tree') });
    set({ entries: tree.ok ? { kind: 'ready', value: tree.value.entries } : { kind: 'error', error: tree.error } });
  },
  async init() {
    set({ initializing: true, initError: undefined });
    const r = await getApi().invoke('workspace:init', {}, { correlationId: newActionId('init') });
    set({ initializing: false, ...(r.ok ? {} : { initError: r.error }) });
    await get().refresh();
  },
  async open(entry) {
    set({ selected: { source: entry.source, path: entry.path }, file: { kind: 'loading' } });
    const r = await getApi().invoke('library:read', { source: entry.source, path: entry.path }, { correlationId: newActionId('read') });
    const current = get().selected;
    if (current?.source !== entry.source || current.path !== entry.path) return;
    set({ file: r.ok ? { kind: 'ready', value: r.value } : { kind: 'error', error: r.error } });
  },
  query: '',
  results: { kind: 'idle' },
  async setQuery(query, kind) {
    const seq = ++searchSeq;
    set({ query, kindFilter: kind });
    if (!query.trim() && !kind) {
      set({ results: { kind: 'idle' } });
      return;
    }
    if (get().results.kind !== 'ready') set({ results: { kind: 'loading' } });
    const r = await getApi().invoke('index:search', { query, limit: 100, ...(kind ? { kind } : {}) }, { correlationId: newActionId('search') });
    if (seq !== searchSeq) return;
    set({ results: r.ok ? { kind: 'ready', value: r.value } : { kind: 'error', error: r.error } });
  },
  subscribe() {
    return getApi().on('files:changed', () => {
      if (changeTimer) clearTimeout(changeTimer);
      changeTimer = setTimeout(() => {
        void get().refresh();
        const { query, kindFilter } = get();
        if (query.trim() || kindFilter) void get().setQuery(query, kindFilter);
      }, 150);
    });
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

export type ExpandMode = 'default' | 'all' | 'none';

/** Top-level folders start open, deeper ones closed. */
export function defaultExpanded(folder: string): boolean {
  return !folder.includes('/');
}

/** Whether a folder is open: its own toggle if it has one, else what the expand mode says. */
export function isFolderExpanded(expanded: Readonly<Record<string, boolean>>, mode: ExpandMode, folder: string): boolean {
  return expanded[folder] ?? (mode === 'all' ? true : mode === 'none' ? false : defaultExpanded(folder));
}
