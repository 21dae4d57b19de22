import { PERSONAL_SOURCE } from '../../shared/library';
import type { EventBus } from '../events';
import { newCorrelationId } from '../observability/correlation';
import type { Logger } from '../observability/logger';
import type { HistoryService } from './service';

export interface WatchOptions {
  readonly events: EventBus;
  readonly history: Pick<HistoryService, 'snapshot'>;
  readonly logger: Logger;
  /** Quiet time after the last change before a version is taken. */
  readonly debounceMs?: number;
}

/**
 * Takes a version of the personal workspace a short while after the watcher reports changes to it
 * (`files:changed` with source "personal"), so edits made outside the app are versioned too.
 * Returns a function that stops it (and flushes nothing).
 */
export function snapshotOnChanges(opts: WatchOptions): () => void {
  const wait = opts.debounceMs ?? 2000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let again = false;
  const fire = () => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = opts.history
      .snapshot({
        operation: 'workspace.edit',
        correlationId: newCorrelationId('watch'),
        phase: 'watch',
        message: 'changes seen in the workspace',
      })
      .catch((e: unknown) =>
        opts.logger.warn('could not version workspace changes', { error: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, wait);
    timer.unref?.();
  };
  const off = opts.events.on('files:changed', (e) => {
    if (e.source === PERSONAL_SOURCE) schedule();
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
  };
}
