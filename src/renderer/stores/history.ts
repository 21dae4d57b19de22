import { create } from 'zustand';
import type { IpcError } from '../../shared/errors';
import type { DiffResult, HistoryVersion, RollbackResult } from '../../shared/ipc/channels/history';
import { getApi, newActionId } from '../api/client';
import type { Load } from './library';

/** What the diff compares: the changes a version made, or that version against the files now. */
export type DiffMode = 'version' | 'now';

/** A rollback waiting for the person to confirm it, with exactly what it will change. */
export type Confirm =
  | { readonly kind: 'none' }
  | { readonly kind: 'asking'; readonly plan: RollbackResult; readonly path?: string }
  | { readonly kind: 'running'; readonly plan: RollbackResult };

interface HistoryState {
  versions: Load<ReadonlyArray<HistoryVersion>>;
  filterPath: string;
  filterOperation: string;
  selected?: HistoryVersion;
  mode: DiffMode;
  diff: Load<DiffResult>;
  file?: string;
  confirm: Confirm;
  result?: RollbackResult;
  actionError?: IpcError;
  refresh(): Promise<void>;
  setFilter(f: { path?: string; operation?: string }): void;
  select(v: HistoryVersion): Promise<void>;
  setMode(m: DiffMode): Promise<void>;
  openFile(path: string): void;
  askRollback(path?: string): Promise<void>;
  confirmRollback(): Promise<void>;
  cancel(): void;
}

/** Mirrors the history that main owns: the timeline, the selected version's diff, a pending rollback. */
export const useHistory = create<HistoryState>((set, get) => {
  const loadDiff = async () => {
    const v = get().selected;
    if (!v) return;
    set({ diff: { kind: 'loading' } });
    const req = get().mode === 'now' ? { from: v.id } : { from: `${v.id}~1`, to: v.id };
    let r = await getApi().invoke('history:diff', req, { correlationId: newActionId('diff') });
    // The first version has no parent: show it against an empty workspace by listing its files as added.
    if (!r.ok && get().mode === 'version' && r.error.code === 'NOT_FOUND') {
      const files = v.files.map((f) => ({
        path: f.path,
        status: 'added' as const,
        binary: false,
        truncated: false,
        before: '',
        after: '',
      }));
      r = { ok: true, value: { from: '', to: v.id, files, patch: '' } };
    }
    if (get().selected?.id !== v.id) return;
    set({ diff: r.ok ? { kind: 'ready', value: r.value } : { kind: 'error', error: r.error } });
    if (r.ok && !r.value.files.some((f) => f.path === get().file)) set({ file: r.value.files[0]?.path });
  };
  return {
    versions: { kind: 'idle' },
    filterPath: '',
    filterOperation: '',
    mode: 'version',
    diff: { kind: 'idle' },
    confirm: { kind: 'none' },
    async refresh() {
      if (get().versions.kind !== 'ready') set({ versions: { kind: 'loading' } });
      const { filterPath, filterOperation } = get();
      const r = await getApi().invoke(
        'history:list',
        {
          limit: 500,
          ...(filterPath.trim() ? { path: filterPath.trim() } : {}),
          ...(filterOperation ? { operation: filterOperation } : {}),
        },
        { correlationId: newActionId('history') },
      );
      set({ versions: r.ok ? { kind: 'ready', value: r.value.versions } : { kind: 'error', error: r.error } });
    },
    setFilter(f) {
      set({
        ...(f.path !== undefined ? { filterPath: f.path } : {}),
        ...(f.operation !== undefined ? { filterOperation: f.operation } : {}),
      });
      void get().refresh();
    },
    async select(v) {
      set({ selected: v, result: undefined, actionError: undefined });
      await loadDiff();
    },
    async setMode(m) {
      set({ mode: m });
      await loadDiff();
    },
    openFile(path) {
      set({ file: path });
    },
    async askRollback(path) {
      const v = get().selected;
      if (!v) return;
      set({ actionError: undefined, result: undefined });
      const r = await getApi().invoke(
        'history:rollback',
        { version: v.id, dryRun: true, ...(path ? { path } : {}) },
        { correlationId: newActionId('plan') },
      );
      if (!r.ok) set({ actionError: r.error });
      else set({ confirm: { kind: 'asking', plan: r.value, ...(path ? { path } : {}) } });
    },
    async confirmRollback() {
      const c = get().confirm;
      if (c.kind !== 'asking') return;
      set({ confirm: { kind: 'running', plan: c.plan } });
      const r = await getApi().invoke(
        'history:rollback',
        { version: c.plan.target, ...(c.path ? { path: c.path } : {}) },
        { correlationId: newActionId('rollback') },
      );
      set({ confirm: { kind: 'none' }, ...(r.ok ? { result: r.value } : { actionError: r.error }) });
      await get().refresh();
    },
    cancel() {
      set({ confirm: { kind: 'none' } });
    },
  };
});

/** The operations present in a timeline, for the filter. */
export function operationsOf(versions: ReadonlyArray<HistoryVersion>): string[] {
  return [...new Set(versions.map((v) => v.operation))].sort();
}
