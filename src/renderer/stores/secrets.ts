import { create } from 'zustand';
import type { IpcError } from '../../shared/errors';
import type { SecretSummary } from '../../shared/ipc/channels/secrets';
import { getApi, newActionId } from '../api/client';
import type { Load } from './library';

interface SecretsState {
  secrets: Load<ReadonlyArray<SecretSummary>>;
  /** The name being saved or removed. */
  busy?: string;
  /** A failed save or removal (the list itself stays as it was). */
  error?: IpcError;
  /** What the last save or removal did, for a short confirmation. */
  notice?: string;
  load(): Promise<void>;
  /** Adds or replaces a secret; the value goes to main and is never kept here. Resolves to whether it was saved. */
  save(name: string, value: string): Promise<boolean>;
  remove(name: string): Promise<void>;
  dismiss(): void;
}

/** Mirrors the secret names main keeps (values go in only, never come back). */
export const useSecrets = create<SecretsState>((set, get) => ({
  secrets: { kind: 'idle' },
  async load() {
    if (get().secrets.kind !== 'ready') set({ secrets: { kind: 'loading' } });
    const r = await getApi().invoke('secrets:list', {}, { correlationId: newActionId('secrets-list') });
    set({ secrets: r.ok ? { kind: 'ready', value: r.value.secrets } : { kind: 'error', error: r.error } });
  },
  async save(name, value) {
    set({ busy: name, error: undefined, notice: undefined });
    const r = await getApi().invoke('secrets:set', { name, value }, { correlationId: newActionId('secrets-set') });
    set({ busy: undefined });
    if (!r.ok) {
      set({ error: r.error });
      return false;
    }
    set({ notice: `${r.value.replaced ? 'Replaced' : 'Saved'} ${r.value.name}. Install agents again to use it.` });
    await get().load();
    return true;
  },
  async remove(name) {
    set({ busy: name, error: undefined, notice: undefined });
    const r = await getApi().invoke('secrets:remove', { name }, { correlationId: newActionId('secrets-remove') });
    set({ busy: undefined });
    if (!r.ok) {
      set({ error: r.error });
      return;
    }
    set({ notice: r.value.removed ? `Removed ${r.value.name}.` : `There was no secret ${r.value.name}.` });
    await get().load();
  },
  dismiss: () => set({ error: undefined, notice: undefined }),
}));
