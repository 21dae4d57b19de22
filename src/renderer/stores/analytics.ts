import { create } from 'zustand';
import type { AuditEntry, MetricsSummary } from '../../shared/ipc/channels/health';
import { getApi, newActionId } from '../api/client';
import type { Load } from './library';

interface AnalyticsState {
  summary: Load<MetricsSummary>;
  audit: Load<ReadonlyArray<AuditEntry>>;
  refresh(): Promise<void>;
}

/** Mirrors the metrics summary and the recent audit trail that main computes. */
export const useAnalytics = create<AnalyticsState>((set, get) => ({
  summary: { kind: 'idle' },
  audit: { kind: 'idle' },
  async refresh() {
    if (get().summary.kind !== 'ready') set({ summary: { kind: 'loading' }, audit: { kind: 'loading' } });
    const api = getApi();
    const [summary, audit] = await Promise.all([
      api.invoke('metrics:summary', {}, { correlationId: newActionId('metrics') }),
      api.invoke('audit:list', { limit: 50 }, { correlationId: newActionId('audit') }),
    ]);
    set({
      summary: summary.ok ? { kind: 'ready', value: summary.value } : { kind: 'error', error: summary.error },
      audit: audit.ok ? { kind: 'ready', value: audit.value.entries } : { kind: 'error', error: audit.error },
    });
  },
}));
