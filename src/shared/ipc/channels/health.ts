import { z } from 'zod';
import { channel } from '../define';
import { outputFileFields } from '../../file-path';

export type CheckStatus = 'ok' | 'warn' | 'fail';

/** A repair that can address a check's finding; `target` names what (a source name, a folder). */
export interface FixRef {
  readonly id: string;
  readonly title: string;
  readonly target?: string;
}

/** The outcome of one health check. */
export interface CheckResult {
  readonly id: string;
  readonly title: string;
  readonly status: CheckStatus;
  /** What was found and why it matters, in words a person understands. */
  readonly explanation: string;
  readonly fix?: FixRef;
  readonly durationMs: number;
}

export interface HealthReport {
  readonly time: string;
  /** The worst status of all checks. */
  readonly status: CheckStatus;
  readonly checks: ReadonlyArray<CheckResult>;
}

/** What a repair did. */
export interface RepairReport {
  readonly id: string;
  readonly title: string;
  readonly target?: string;
  readonly outcome: 'repaired' | 'skipped' | 'failed';
  /** One line per action taken, in order. */
  readonly actions: ReadonlyArray<string>;
  /** Where the affected files were copied before the repair touched them. */
  readonly backup?: string;
}

export interface DoctorResult {
  readonly before: HealthReport;
  readonly repairs: ReadonlyArray<RepairReport>;
  /** Health after the repairs (the same as `before` when nothing was fixed). */
  readonly after: HealthReport;
}

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

/** One line of the structured log, as the Logs panel and `ai-config logs` show it. */
export interface LogLine {
  readonly level: LogLevelName;
  readonly time: string;
  readonly component: string;
  readonly msg: string;
  readonly correlationId?: string;
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** One user-visible operation from the audit trail (state/audit.jsonl). */
export interface AuditEntry {
  readonly time: string;
  /** What was done, e.g. "library.update", "agent.install". */
  readonly operation: string;
  /** What it was done to (source name, agent@tool, file). */
  readonly target: string;
  readonly result: 'ok' | 'failed' | 'cancelled' | 'noop';
  readonly durationMs: number;
  readonly correlationId: string;
  /** History versions before and after, when the operation changed versioned files. */
  readonly versionBefore?: string;
  readonly versionAfter?: string;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface OperationStats {
  readonly operation: string;
  readonly count: number;
  readonly failures: number;
  readonly p50: number;
  readonly p95: number;
}

export interface TimelinePoint {
  /** Start of the bucket (ISO time). */
  readonly time: string;
  readonly p50: number;
  readonly p95: number;
  readonly ok: number;
  readonly failed: number;
}

export interface LibrarySample {
  readonly time: string;
  readonly files: number;
  readonly bytes: number;
  readonly sources: number;
}

export interface TokenBudget {
  readonly agent: string;
  readonly tokens: number;
  readonly budget?: number;
  readonly time: string;
}

/** Everything the Analytics screen charts, computed from state/metrics and the audit trail. */
export interface MetricsSummary {
  readonly operations: ReadonlyArray<OperationStats>;
  readonly timeline: ReadonlyArray<TimelinePoint>;
  readonly library: ReadonlyArray<LibrarySample>;
  readonly updates: ReadonlyArray<AuditEntry>;
  readonly tokenBudgets: ReadonlyArray<TokenBudget>;
  readonly topFiles: ReadonlyArray<{ readonly file: string; readonly count: number }>;
}

const level = z.enum(['debug', 'info', 'warn', 'error']);

export const healthChannels = {
  'health:check': channel<HealthReport>()(z.object({ only: z.array(z.string().min(1)).optional() }).strict()),
  'health:repair': channel<RepairReport>()(
    z.object({ id: z.string().min(1), target: z.string().min(1).optional() }).strict(),
    { mutates: true },
  ),
  'health:doctor': channel<DoctorResult>()(z.object({ fix: z.boolean() }).strict(), { mutates: true }),
  'logs:query': channel<{ lines: ReadonlyArray<LogLine> }>()(
    z
      .object({
        level: level.optional(),
        component: z.string().max(64).optional(),
        correlationId: z.string().max(64).optional(),
        text: z.string().max(200).optional(),
        /** Only lines strictly after this ISO time (for polling tails). */
        after: z.string().max(40).optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
  ),
  'audit:list': channel<{ entries: ReadonlyArray<AuditEntry> }>()(
    z
      .object({ limit: z.number().int().min(1).max(5000).optional(), operation: z.string().max(64).optional() })
      .strict(),
  ),
  'metrics:summary': channel<MetricsSummary>()(z.object({}).strict()),
  'diagnostics:write': channel<{ file: string; bytes: number }>()(z.object(outputFileFields).strict(), {
    mutates: true,
  }),
};
