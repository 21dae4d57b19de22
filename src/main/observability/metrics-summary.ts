import type {
  AuditEntry,
  LibrarySample,
  MetricsSummary,
  OperationStats,
  TimelinePoint,
  TokenBudget,
} from '../../shared/ipc/channels/health';
import type { AuditRecord } from './audit';
import type { OperationSample, Sample } from './metrics-types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const STEPS = [1000, 5000, 15_000, 60_000, 5 * 60_000, 15 * 60_000, HOUR, 6 * HOUR, DAY, 7 * DAY];

/** The smallest round bucket that splits `spanMs` into at most 40 points. */
export function bucketFor(spanMs: number): number {
  return STEPS.find((s) => spanMs / s <= 40) ?? 30 * DAY;
}

/** The p-th percentile (0..100) of numbers, nearest-rank; 0 for none. */
export function percentile(values: ReadonlyArray<number>, p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/**
 * Whether an audit record moved a library source to another version (add, update, pin, rollback...): the update
 * history.
 */
export function isUpdate(r: Pick<AuditRecord, 'operation'>): boolean {
  return /^(library|sources?)[.:](add|update|pull|pin|unpin|rollback|rollforward)$/.test(r.operation);
}

/** Turns raw samples into what the Analytics screen charts. Pure, for tests. */
export function summarizeMetrics(
  ops: ReadonlyArray<OperationSample>,
  samples: ReadonlyArray<Sample>,
  audit: ReadonlyArray<AuditRecord>,
): MetricsSummary {
  const byOp = new Map<string, OperationSample[]>();
  for (const o of ops) {
    const list = byOp.get(o.op) ?? [];
    list.push(o);
    byOp.set(o.op, list);
  }
  const operations: OperationStats[] = [...byOp.entries()]
    .map(([operation, list]) => ({
      operation,
      count: list.length,
      failures: list.filter((o) => !o.ok).length,
      p50: percentile(
        list.map((o) => o.ms),
        50,
      ),
      p95: percentile(
        list.map((o) => o.ms),
        95,
      ),
    }))
    .sort((a, b) => b.count - a.count);

  const times = ops.map((o) => Date.parse(o.t)).filter((t) => !Number.isNaN(t));
  const span = times.length ? Math.max(...times) - Math.min(...times) : 0;
  const bucketMs = bucketFor(span);
  const buckets = new Map<number, OperationSample[]>();
  for (const o of ops) {
    const t = Date.parse(o.t);
    if (Number.isNaN(t)) continue;
    const b = Math.floor(t / bucketMs) * bucketMs;
    const list = buckets.get(b) ?? [];
    list.push(o);
    buckets.set(b, list);
  }
  const timeline: TimelinePoint[] = [...buckets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([b, list]) => ({
      time: new Date(b).toISOString(),
      p50: percentile(
        list.map((o) => o.ms),
        50,
      ),
      p95: percentile(
        list.map((o) => o.ms),
        95,
      ),
      ok: list.filter((o) => o.ok).length,
      failed: list.filter((o) => !o.ok).length,
    }));

  const library: LibrarySample[] = samples
    .filter((s): s is Extract<Sample, { kind: 'library' }> => s.kind === 'library')
    .map(({ time, files, bytes, sources }) => ({ time, files, bytes, sources }));

  const latest = new Map<string, TokenBudget>();
  for (const s of samples) {
    if (s.kind === 'tokens')
      latest.set(s.agent, {
        agent: s.agent,
        tokens: s.tokens,
        time: s.time,
        ...(s.budget !== undefined ? { budget: s.budget } : {}),
      });
  }

  const counts = new Map<string, number>();
  for (const o of ops) if (o.target && o.ok) counts.set(o.target, (counts.get(o.target) ?? 0) + 1);
  const topFiles = [...counts.entries()]
    .map(([file, count]) => ({ file, count }))
    .sort((a, b) => b.count - a.count || (a.file < b.file ? -1 : 1))
    .slice(0, 10);

  const updates: AuditEntry[] = audit.filter(isUpdate).slice(-100).map(toEntry);
  return {
    operations,
    timeline,
    library,
    updates,
    tokenBudgets: [...latest.values()].sort((a, b) => b.tokens - a.tokens),
    topFiles,
  };
}

/** An audit record without its free-form details, as the UI shows it. */
export function toEntry(r: AuditRecord): AuditEntry {
  const { details: _details, ...rest } = r;
  return rest;
}
