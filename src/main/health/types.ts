import type { CheckStatus, FixRef, RepairReport } from '../../shared/ipc/channels/health';
import type { Settings, SourceSettings } from '../../shared/settings';
import type { OperationContext } from '../context';
import type { SourceRoot } from '../library/tree';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { Paths } from '../workspace/paths';

/** Expectations and limits the checks compare against; tests and users may tighten or loosen them. */
export interface HealthThresholds {
  /** Fail below this much free disk (bytes); warn below `warnFreeBytes`. */
  readonly failFreeBytes: number;
  readonly warnFreeBytes: number;
  /** How long `git ls-remote` may take before the remote counts as unreachable. */
  readonly remoteTimeoutMs: number;
  /** Expected upper bounds for the performance probe (warn above, fail above 5x). */
  readonly listExpectMs: number;
  readonly searchExpectMs: number;
}

export const DEFAULT_THRESHOLDS: HealthThresholds = {
  failFreeBytes: 100 * 1024 * 1024,
  warnFreeBytes: 1024 * 1024 * 1024,
  remoteTimeoutMs: 8000,
  listExpectMs: 2000,
  searchExpectMs: 3000,
};

/** What a check may look at. Everything is read-only; repairs get more (see RepairContext). */
export interface HealthContext {
  readonly paths: Paths;
  /** The settings; undefined before `init`. Throws an AppError when the file is invalid. */
  settings(): Settings | undefined;
  /** The personal workspace folder (the default one when settings cannot be read). */
  personalDir(): string;
  /** Library source roots plus the personal workspace (requires valid settings). */
  roots(): SourceRoot[];
  readonly assetsDir: string;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly thresholds: HealthThresholds;
  /** The git executable to probe (the one core.ts runs unless configured). */
  readonly gitExecutable?: string;
  readonly metrics?: Metrics;
  /**
   * Environment for git talking to a source's remote (SSH key, token askpass); none when the sources domain gives
   * none.
   */
  remoteEnv?(source: SourceSettings): NodeJS.ProcessEnv;
  /**
   * Clones a configured source into library/<name> with its credentials (the sources domain); plain clone when
   * absent.
   */
  cloneSource?(source: SourceSettings, op: OperationContext): Promise<void>;
  /** Whether a repair with this id is registered (a check offers a fix only when one exists). */
  hasRepair(id: string): boolean;
  readonly signal?: AbortSignal;
}

/** What one check found. */
export interface CheckOutcome {
  readonly status: CheckStatus;
  readonly explanation: string;
  readonly fix?: FixRef;
}

/** A health check: a stable id, a title, and a read-only probe. */
export interface Check {
  readonly id: string;
  readonly title: string;
  run(ctx: HealthContext): Promise<CheckOutcome> | CheckOutcome;
}

/** Produces checks from the current state (e.g. one per library source). */
export type CheckProvider = (ctx: HealthContext) => ReadonlyArray<Check>;

/** What a repair gets: the health context plus the operation, and a backup helper to call before touching files. */
export interface RepairContext extends HealthContext {
  readonly op: OperationContext;
  /** Copies these absolute paths into one `state/backups/<timestamp>-<repair>/` folder; resolves to it. */
  backup(files: ReadonlyArray<string>, extra?: Readonly<Record<string, string>>): Promise<string>;
}

/** A repair: runs under the workspace lock, between history snapshots, and reports what it did. */
export interface Repair {
  readonly id: string;
  readonly title: string;
  run(ctx: RepairContext, target?: string): Promise<Omit<RepairReport, 'id' | 'title' | 'target'>>;
}
