import type { LibrarySample, TokenBudget } from '../../shared/ipc/channels/health';

/** One router invocation as stored in state/metrics/operations.jsonl. */
export interface OperationSample {
  readonly t: string;
  readonly op: string;
  readonly ms: number;
  readonly ok: boolean;
  readonly code?: string;
  /** What it touched, where that is useful to count (a library file for `library:read`). */
  readonly target?: string;
}

/** One sample as stored in state/metrics/samples.jsonl: the library's size, or an agent's token budget. */
export type Sample = ({ readonly kind: 'library' } & LibrarySample) | ({ readonly kind: 'tokens' } & TokenBudget);
