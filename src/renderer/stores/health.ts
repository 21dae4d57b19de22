import { create } from 'zustand';
import type { IpcError } from '../../shared/errors';
import type { FixRef, HealthReport, RepairReport } from '../../shared/ipc/channels/health';
import { getApi, newActionId } from '../api/client';
import type { Load } from './library';

interface HealthState {
  report: Load<HealthReport>;
  /** Keys (`id` or `id:target`) of repairs running now. */
  fixing: Record<string, boolean>;
  /** What the last repairs did, newest first. */
  repairs: ReadonlyArray<RepairReport>;
  repairError?: IpcError;
  run(): Promise<void>;
  fix(fix: FixRef): Promise<void>;
  fixAll(): Promise<void>;
}

/** The key of a fix, for the "running" flags. */
export function fixKey(fix: Pick<FixRef, 'id' | 'target'>): string {
  return fix.target ? `${fix.id}:${fix.target}` : fix.id;
}

/** Mirrors the health report main computes, and runs repairs. */
export const useHealth = create<HealthState>((set, get) => ({
  report: { kind: 'idle' },
  fixing: {},
  repairs: [],
  async run() {
    if (get().report.kind !== 'ready') set({ report: { kind: 'loading' } });
    const r = await getApi().invoke('health:check', {}, { correlationId: newActionId('health') });
    set({ report: r.ok ? { kind: 'ready', value: r.value } : { kind: 'error', error: r.error } });
  },
  async fix(fix) {
    const key = fixKey(fix);
    set((s) => ({ fixing: { ...s.fixing, [key]: true }, repairError: undefined }));
    const r = await getApi().invoke(
      'health:repair',
      { id: fix.id, ...(fix.target ? { target: fix.target } : {}) },
      { correlationId: newActionId('repair') },
    );
    set((s) => ({
      fixing: { ...s.fixing, [key]: false },
      ...(r.ok ? { repairs: [r.value, ...s.repairs].slice(0, 20) } : { repairError: r.error }),
    }));
    await get().run();
  },
  async fixAll() {
    set({ fixing: { all: true }, repairError: undefined });
    const r = await getApi().invoke('health:doctor', { fix: true }, { correlationId: newActionId('doctor') });
    if (r.ok)
      set((s) => ({
        fixing: {},
        report: { kind: 'ready', value: r.value.after },
        repairs: [...r.value.repairs, ...s.repairs].slice(0, 20),
      }));
    else set({ fixing: {}, repairError: r.error });
  },
}));
