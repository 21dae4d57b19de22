import type { ProgressEvent } from '../shared/ipc/contract';
import type { Logger } from './observability/logger';

/** What every operation receives: its correlation id, a logger that carries it, and a progress reporter. */
export interface OperationContext {
  readonly correlationId: string;
  readonly logger: Logger;
  readonly progress: (p: Omit<ProgressEvent, 'correlationId' | 'operation'> & { operation?: string }) => void;
  readonly signal?: AbortSignal;
}
