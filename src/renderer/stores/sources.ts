import { create } from 'zustand';
import type { IpcError, Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/ipc/contract';
import type { AddedSource, LogEntry, SourceInfo, UpdateResult } from '../../shared/sources';
import { getApi, newActionId } from '../api/client';
import { useLibrary, type Load } from './library';

export interface Busy {
  readonly source: string;
  readonly action: string;
  readonly correlationId: string;
  readonly phase: string;
  readonly percent?: number;
}

/** An SSH server key the user is asked to trust once, and the add that waits for it. */
export interface HostKeyQuestion {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly fingerprints: ReadonlyArray<string>;
  readonly retry: RequestOf<'sources:add'>;
}

interface SourcesState {
  sources: Load<ReadonlyArray<SourceInfo>>;
  busy?: Busy;
  error?: IpcError;
  /** The last update, pin or rollback: "What changed". */
  changes?: UpdateResult;
  /** What the content scan of the last added source found (secrets, hidden Unicode, symlinks, servers to approve). */
  added?: Pick<AddedSource, 'name' | 'findings' | 'needsApproval'>;
  diff?: { source: string; path: string; text: string };
  versions?: { source: string; entries: ReadonlyArray<LogEntry> };
  hostKey?: HostKeyQuestion;
  refresh(): Promise<void>;
  add(req: RequestOf<'sources:add'>): Promise<boolean>;
  update(name: string): Promise<void>;
  cancel(): Promise<void>;
  rollback(name: string): Promise<void>;
  rollforward(name: string): Promise<void>;
  pin(name: string, ref: string): Promise<void>;
  unpin(name: string): Promise<void>;
  remove(name: string): Promise<void>;
  showVersions(name: string): Promise<void>;
  showDiff(source: string, path: string, from?: string, to?: string): Promise<void>;
  resolve(source: string, path: string, choice: 'mine' | 'theirs'): Promise<void>;
  trustHostKey(): Promise<void>;
  dismiss(): void;
  /** Adds a pattern to a source's ignore list or removes it; the error when it failed (the card shows it). */
  setIgnore(name: string, pattern: string, remove: boolean): Promise<IpcError | undefined>;
}

/** Mirrors the sources main owns; long actions stream progress and can be cancelled. */
export const useSources = create<SourcesState>((set, get) => {
  /** Runs one long action with a progress listener bound to its correlation id. */
  async function longAction<T>(
    source: string,
    action: string,
    run: (correlationId: string) => Promise<Result<T>>,
  ): Promise<T | undefined> {
    const correlationId = newActionId(action);
    set({ busy: { source, action, correlationId, phase: 'Starting' }, error: undefined });
    const off = getApi().on('progress', (p) => {
      if (p.correlationId !== correlationId || p.done) return;
      set({
        busy: {
          source,
          action,
          correlationId,
          phase: p.phase,
          ...(p.percent !== undefined ? { percent: p.percent } : {}),
        },
      });
    });
    try {
      const r = await run(correlationId);
      if (!r.ok) {
        set({ error: r.error });
        return undefined;
      }
      return r.value;
    } finally {
      off();
      set({ busy: undefined });
    }
  }
  const simple = async <T>(source: string, action: string, run: (cid: string) => Promise<Result<T>>) => {
    const v = await longAction(source, action, run);
    await get().refresh();
    // The library tree and the status bar show the sources' files and commits.
    void useLibrary.getState().refresh();
    return v;
  };
  const showChanges = async (source: string, action: string, run: (cid: string) => Promise<Result<UpdateResult>>) => {
    const v = await simple(source, action, run);
    if (v) set({ changes: v, diff: undefined, added: undefined });
  };
  return {
    sources: { kind: 'idle' },
    async refresh() {
      if (get().sources.kind !== 'ready') set({ sources: { kind: 'loading' } });
      const r = await getApi().invoke('sources:list', {}, { correlationId: newActionId('sources') });
      set({ sources: r.ok ? { kind: 'ready', value: r.value.sources } : { kind: 'error', error: r.error } });
    },
    async add(req) {
      const v = await simple(req.name ?? req.url, 'add', (cid) =>
        getApi().invoke('sources:add', req, { correlationId: cid }),
      );
      if (v) set({ added: { name: v.name, findings: v.findings, needsApproval: v.needsApproval } });
      const err = get().error;
      if (!v && err?.code === 'HOST_KEY_UNKNOWN' && err.details && Array.isArray(err.details.fingerprints)) {
        const d = err.details as { host: string; port: number; fingerprints: string[] };
        set({ hostKey: { url: req.url, host: d.host, port: d.port, fingerprints: d.fingerprints, retry: req } });
      }
      return !!v;
    },
    update: (name) =>
      showChanges(name, 'update', async (cid) => {
        const r = await getApi().invoke('sources:update', { name }, { correlationId: cid });
        return r.ok ? { ok: true as const, value: r.value.results[0]! } : r;
      }),
    async cancel() {
      const busy = get().busy;
      if (busy) await getApi().invoke('sources:cancel', { correlationId: busy.correlationId });
    },
    rollback: (name) =>
      showChanges(name, 'rollback', (cid) => getApi().invoke('sources:rollback', { name }, { correlationId: cid })),
    rollforward: (name) =>
      showChanges(name, 'rollforward', (cid) =>
        getApi().invoke('sources:rollforward', { name }, { correlationId: cid }),
      ),
    pin: (name, ref) =>
      showChanges(name, 'pin', (cid) => getApi().invoke('sources:pin', { name, ref }, { correlationId: cid })),
    async unpin(name) {
      await simple(name, 'unpin', (cid) => getApi().invoke('sources:unpin', { name }, { correlationId: cid }));
    },
    async remove(name) {
      await simple(name, 'remove', (cid) => getApi().invoke('sources:remove', { name }, { correlationId: cid }));
    },
    async showVersions(name) {
      const r = await getApi().invoke('sources:log', { name, limit: 100 }, { correlationId: newActionId('log') });
      if (r.ok) set({ versions: { source: name, entries: r.value.entries } });
      else set({ error: r.error });
    },
    async showDiff(source, path, from, to) {
      const r = await getApi().invoke(
        'sources:diff',
        { name: source, path, ...(from ? { from } : {}), ...(to ? { to } : {}) },
        { correlationId: newActionId('diff') },
      );
      if (r.ok) set({ diff: { source, path, text: r.value.diff } });
      else set({ error: r.error });
    },
    async resolve(source, path, choice) {
      await simple(source, 'resolve', (cid) =>
        getApi().invoke('sources:resolve', { name: source, path, choice }, { correlationId: cid }),
      );
    },
    async trustHostKey() {
      const q = get().hostKey;
      if (!q) return;
      set({ hostKey: undefined });
      const r = await getApi().invoke(
        'sources:acceptHostKey',
        { url: q.url, fingerprint: q.fingerprints[0] ?? '' },
        { correlationId: newActionId('hostkey') },
      );
      if (!r.ok) {
        set({ error: r.error });
        return;
      }
      await get().add(q.retry);
    },
    dismiss() {
      set({ error: undefined, hostKey: undefined });
    },
    async setIgnore(name, pattern, remove) {
      const r = await getApi().invoke(
        'sources:ignore',
        { name, pattern, ...(remove ? { remove: true } : {}) },
        { correlationId: newActionId('ignore') },
      );
      if (!r.ok) return r.error;
      await get().refresh();
      // The source is reindexed: the library tree (and its skipped counts) change.
      void useLibrary.getState().refresh();
      return undefined;
    },
  };
});
