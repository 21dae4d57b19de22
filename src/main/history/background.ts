import type { Services } from '../services';
import { newCorrelationId } from '../observability/correlation';
import { snapshotOnChanges } from './watch';

/**
 * What the long-running processes (the app, the browser host) start for history: versioning of changes
 * the watcher sees, and migrating versioned files on disk once at start (with a backup first).
 */
export function startHistoryBackground(services: Services, opts: { debounceMs?: number } = {}): () => void {
  const logger = services.logger.child({ component: 'history' });
  const stop = snapshotOnChanges({
    events: services.events,
    history: services.history,
    logger,
    ...(opts.debounceMs !== undefined ? { debounceMs: opts.debounceMs } : {}),
  });
  let initialized = false;
  try {
    initialized = !!services.settings();
  } catch (e) {
    logger.error('settings cannot be read; not migrating', { error: e instanceof Error ? e.message : String(e) });
  }
  if (initialized) {
    // Finish a rollback or import that a killed process left half done, before anything else changes.
    services.history
      .recover()
      .catch((e: unknown) =>
        logger.error('history recovery failed', { error: e instanceof Error ? e.message : String(e) }),
      );
    const correlationId = newCorrelationId('migrate');
    services.history
      .migrate({ dryRun: false }, { correlationId, logger, progress: () => undefined })
      .then((r) => {
        if (r.files.length)
          services.audit.append({
            operation: 'history.migrate',
            target: 'settings',
            result: 'ok',
            durationMs: 0,
            correlationId,
            details: { files: r.files.map((f) => `${f.kind} ${f.from}->${f.to}`) },
          });
      })
      .catch((e: unknown) =>
        logger.error('migration at start failed', { error: e instanceof Error ? e.message : String(e) }),
      );
  }
  return stop;
}
