import { create } from 'zustand';
import type { IpcError } from '../../shared/errors';
import type {
  ConflictChoice,
  ConflictDetail,
  DetectedProvider,
  IncomingChange,
  SetupResult,
  SyncConflict,
  SyncProviderKind,
  SyncStatus,
} from '../../shared/sync';
import { getApi, newActionId } from '../api/client';
import type { Load } from './library';

export type WizardStep = 'provider' | 'folder' | 'review' | 'summary';

export interface WizardForm {
  readonly provider?: SyncProviderKind;
  readonly path: string;
  readonly device: string;
  readonly deviceAddress: string;
  readonly syncthingConfig: string;
}

/** What a non-empty target folder holds, from setup's ALREADY_EXISTS (shown so the user can choose to adopt it). */
export interface ExistingFiles {
  readonly path: string;
  readonly files: ReadonlyArray<string>;
  readonly dirs: ReadonlyArray<string>;
}

/** The folder contents an ALREADY_EXISTS error for a non-empty folder carries, or undefined for any other error. */
export function existingFilesOf(error: IpcError, path: string): ExistingFiles | undefined {
  const d = error.details as { folderNotEmpty?: unknown; files?: unknown; dirs?: unknown } | undefined;
  if (error.code !== 'ALREADY_EXISTS' || d?.folderNotEmpty !== true) return undefined;
  const names = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return { path, files: names(d.files), dirs: names(d.dirs) };
}

interface SyncStore {
  status: Load<SyncStatus>;
  providers: Load<ReadonlyArray<DetectedProvider>>;
  conflicts: Load<ReadonlyArray<SyncConflict>>;
  detail: Load<ConflictDetail>;
  selected?: string;
  step: WizardStep;
  form: WizardForm;
  busy: boolean;
  progress?: string;
  result?: SetupResult;
  error?: IpcError;
  /** The target folder is not empty: what is there; setup needs `adoptExisting` to move in. */
  existing?: ExistingFiles;
  adoptExisting: boolean;
  message?: string;
  incoming: ReadonlyArray<IncomingChange>;
  refresh(): Promise<void>;
  detect(): Promise<void>;
  choose(provider: SyncProviderKind): void;
  setField(field: Exclude<keyof WizardForm, 'provider'>, value: string): void;
  go(step: WizardStep): void;
  setAdopt(adopt: boolean): void;
  setup(): Promise<void>;
  disconnect(): Promise<void>;
  openConflict(path: string): Promise<void>;
  resolve(keep: ConflictChoice, content?: string): Promise<void>;
  setProgress(phase: string | undefined): void;
  addIncoming(paths: ReadonlyArray<string>, at: string): void;
  loadIncoming(): Promise<void>;
  dismissIncoming(): Promise<void>;
}

const emptyForm: WizardForm = { path: '', device: '', deviceAddress: '', syncthingConfig: '' };

/** Mirrors what main owns about sync: status, detected providers, conflicts; plus the wizard's form. */
export const useSync = create<SyncStore>((set, get) => ({
  status: { kind: 'idle' },
  providers: { kind: 'idle' },
  conflicts: { kind: 'idle' },
  detail: { kind: 'idle' },
  step: 'provider',
  form: emptyForm,
  busy: false,
  adoptExisting: false,
  incoming: [],
  async refresh() {
    const api = getApi();
    const [status, conflicts] = await Promise.all([
      api.invoke('sync:status', {}, { correlationId: newActionId('syncstatus') }),
      api.invoke('sync:conflicts', {}, { correlationId: newActionId('conflicts') }),
    ]);
    set({
      status: status.ok ? { kind: 'ready', value: status.value } : { kind: 'error', error: status.error },
      conflicts: conflicts.ok
        ? { kind: 'ready', value: conflicts.value.conflicts }
        : { kind: 'error', error: conflicts.error },
    });
  },
  async detect() {
    set({ providers: { kind: 'loading' } });
    const cfg = get().form.syncthingConfig.trim();
    const r = await getApi().invoke('sync:detect', cfg ? { syncthingConfig: cfg } : {}, {
      correlationId: newActionId('detect'),
    });
    set({ providers: r.ok ? { kind: 'ready', value: r.value.providers } : { kind: 'error', error: r.error } });
  },
  choose(provider) {
    const providers = get().providers;
    const found = providers.kind === 'ready' ? providers.value.find((p) => p.provider === provider) : undefined;
    set((s) => ({ form: { ...s.form, provider, path: found?.suggestedPath ?? s.form.path }, error: undefined }));
  },
  setField(field, value) {
    set((s) => ({
      form: { ...s.form, [field]: value },
      ...(field === 'path' ? { existing: undefined, adoptExisting: false } : {}),
    }));
  },
  setAdopt(adopt) {
    set({ adoptExisting: adopt });
  },
  go(step) {
    set({ step, error: undefined });
  },
  async setup() {
    const { form, adoptExisting } = get();
    if (!form.provider) return;
    set({ busy: true, error: undefined, progress: 'Starting' });
    const r = await getApi().invoke(
      'sync:setup',
      {
        provider: form.provider,
        ...(form.path.trim() ? { path: form.path.trim() } : {}),
        ...(form.provider === 'syncthing' && form.device.trim() ? { device: form.device.trim() } : {}),
        ...(form.provider === 'syncthing' && form.deviceAddress.trim()
          ? { deviceAddress: form.deviceAddress.trim() }
          : {}),
        ...(form.provider === 'syncthing' && form.syncthingConfig.trim()
          ? { syncthingConfig: form.syncthingConfig.trim() }
          : {}),
        ...(adoptExisting ? { adoptExisting: true } : {}),
      },
      { correlationId: newActionId('syncsetup') },
    );
    set({
      busy: false,
      progress: undefined,
      ...(r.ok
        ? { result: r.value, step: 'summary' as const, existing: undefined, adoptExisting: false }
        : { error: r.error, existing: existingFilesOf(r.error, form.path.trim()) }),
    });
    await get().refresh();
  },
  async disconnect() {
    set({ busy: true, error: undefined });
    const r = await getApi().invoke('sync:disconnect', {}, { correlationId: newActionId('disconnect') });
    set({
      busy: false,
      ...(r.ok
        ? { message: r.value.message, step: 'provider' as const, form: emptyForm, result: undefined }
        : { error: r.error }),
    });
    await get().refresh();
  },
  async openConflict(path) {
    set({ selected: path, detail: { kind: 'loading' } });
    const r = await getApi().invoke('sync:conflict', { path }, { correlationId: newActionId('conflict') });
    if (get().selected !== path) return;
    set({ detail: r.ok ? { kind: 'ready', value: r.value } : { kind: 'error', error: r.error } });
  },
  async resolve(keep, content) {
    const path = get().selected;
    if (!path) return;
    set({ busy: true, error: undefined });
    const r = await getApi().invoke(
      'sync:resolve',
      { path, keep, ...(content !== undefined ? { content } : {}) },
      { correlationId: newActionId('resolve') },
    );
    set({
      busy: false,
      ...(r.ok ? { message: r.value.message, selected: undefined, detail: { kind: 'idle' } } : { error: r.error }),
    });
    await get().refresh();
  },
  setProgress(phase) {
    if (get().busy) set({ progress: phase });
  },
  addIncoming(paths, at) {
    const rest = get().incoming.filter((c) => !paths.includes(c.path));
    set({ incoming: [...paths.map((path) => ({ path, at })), ...rest].slice(0, 50) });
  },
  async loadIncoming() {
    const r = await getApi().invoke('sync:incoming', {}, { correlationId: newActionId('incoming') });
    if (r.ok) set({ incoming: r.value.changes });
  },
  async dismissIncoming() {
    set({ incoming: [] });
    await getApi().invoke('sync:incoming:dismiss', {}, { correlationId: newActionId('dismiss') });
  },
}));
