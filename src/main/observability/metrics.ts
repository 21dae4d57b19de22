import path from 'node:path';
import type { LibrarySample, MetricsSummary, TokenBudget } from '../../shared/ipc/channels/health';
import type { AuditRecord } from './audit';
import { appendBounded, readJsonl } from './bounded-jsonl';
import { summarizeMetrics } from './metrics-summary';
import type { OperationSample, Sample } from './metrics-types';

export type { OperationSample, Sample } from './metrics-types';

/** What the router reports after each call. */
export interface Invocation {
  readonly operation: string;
  readonly durationMs: number;
  readonly ok: boolean;
  readonly code?: string;
  readonly request?: unknown;
  readonly value?: unknown;
}

/** Local, bounded metrics: operation timings and outcomes, library size, agent token budgets. */
export interface Metrics {
  recordInvocation(inv: Invocation): void;
  /** Library size now (called by whoever lists or updates the library). */
  recordLibrary(sample: Omit<LibrarySample, 'time'>): void;
  /** An agent's rendered size in tokens against its budget (called by the agents domain). */
  recordTokenBudget(budget: Omit<TokenBudget, 'time'>): void;
  summary(audit: ReadonlyArray<AuditRecord>): MetricsSummary;
}

export interface MetricsOptions {
  readonly dir: string;
  readonly now?: () => Date;
  /** Bound per file (default 1 MB for operations, 256 KB for samples). */
  readonly maxOperationBytes?: number;
  readonly maxSampleBytes?: number;
  /** A library sample is stored at most this often unless the numbers change (default 10 minutes). */
  readonly librarySampleEveryMs?: number;
}

/** Reads of the observability data itself (the Logs panel polls): not counted, so they do not drown real work. */
const NOT_COUNTED = new Set(['logs:query', 'metrics:summary', 'audit:list']);

/** Creates the metrics store over `state/metrics/`. Recording never throws: metrics must not break an operation. */
export function createMetrics(opts: MetricsOptions): Metrics {
  const now = opts.now ?? (() => new Date());
  const opsFile = path.join(opts.dir, 'operations.jsonl');
  const samplesFile = path.join(opts.dir, 'samples.jsonl');
  const maxOps = opts.maxOperationBytes ?? 1024 * 1024;
  const maxSamples = opts.maxSampleBytes ?? 256 * 1024;
  const every = opts.librarySampleEveryMs ?? 10 * 60_000;
  let lastLibrary: { at: number; key: string } | undefined;

  const safe = (fn: () => void) => {
    try {
      fn();
    } catch {
      // Metrics are best effort.
    }
  };

  const metrics: Metrics = {
    recordInvocation(inv) {
      if (NOT_COUNTED.has(inv.operation)) return;
      safe(() => {
        const target = targetOf(inv);
        const sample: OperationSample = {
          t: now().toISOString(),
          op: inv.operation,
          ms: Math.round(inv.durationMs * 10) / 10,
          ok: inv.ok,
          ...(inv.code ? { code: inv.code } : {}),
          ...(target ? { target } : {}),
        };
        appendBounded(opsFile, sample, maxOps);
        if (inv.ok && inv.operation === 'library:tree') {
          const entries = (inv.value as { entries?: ReadonlyArray<{ source: string; size: number }> } | undefined)
            ?.entries;
          if (entries)
            metrics.recordLibrary({
              files: entries.length,
              bytes: entries.reduce((n, e) => n + e.size, 0),
              sources: new Set(entries.map((e) => e.source)).size,
            });
        }
      });
    },
    recordLibrary(s) {
      safe(() => {
        const at = now().getTime();
        if (!lastLibrary) {
          const prev = readJsonl<Sample>(samplesFile)
            .filter((x) => x.kind === 'library')
            .at(-1);
          if (prev?.kind === 'library')
            lastLibrary = { at: Date.parse(prev.time), key: `${prev.files}/${prev.bytes}/${prev.sources}` };
        }
        const key = `${s.files}/${s.bytes}/${s.sources}`;
        if (lastLibrary && lastLibrary.key === key && at - lastLibrary.at < every) return;
        lastLibrary = { at, key };
        appendBounded(samplesFile, { kind: 'library', time: now().toISOString(), ...s } satisfies Sample, maxSamples);
      });
    },
    recordTokenBudget(b) {
      safe(() =>
        appendBounded(samplesFile, { kind: 'tokens', time: now().toISOString(), ...b } satisfies Sample, maxSamples),
      );
    },
    summary: (audit) => summarizeMetrics(readJsonl<OperationSample>(opsFile), readJsonl<Sample>(samplesFile), audit),
  };
  return metrics;
}

function targetOf(inv: Invocation): string | undefined {
  if (inv.operation !== 'library:read') return undefined;
  const r = inv.request as { source?: unknown; path?: unknown } | undefined;
  return typeof r?.source === 'string' && typeof r.path === 'string' ? `${r.source}/${r.path}` : undefined;
}
