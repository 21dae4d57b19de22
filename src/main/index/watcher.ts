import path from 'node:path';
import { watchDirs } from './dir-watcher';

export interface BatchWatcherOptions {
  readonly dirs: ReadonlyArray<string>;
  /** Quiet time after the last event before a batch is delivered. */
  readonly debounceMs?: number;
  /** Longest a busy stream of events may delay a batch. */
  readonly maxWaitMs?: number;
  readonly onBatch: (paths: ReadonlySet<string>) => Promise<void> | void;
  readonly onError?: (e: unknown) => void;
}

export interface BatchWatcher {
  readonly ready: Promise<void>;
  /** Delivers whatever is queued now instead of waiting for the debounce. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches folders (see dir-watcher.ts) and delivers changed paths in batches: events are collected until
 * `debounceMs` pass without one (or `maxWaitMs` since the first), so a checkout touching 500 files is one
 * batch. Batches never overlap: events arriving during one are queued for the next.
 */
export function watchBatches(opts: BatchWatcherOptions): BatchWatcher {
  const debounceMs = opts.debounceMs ?? 40;
  const maxWaitMs = opts.maxWaitMs ?? 1000;
  let queue = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let firstAt = 0;
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  const deliver = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    running = running.then(async () => {
      if (!queue.size) return;
      const batch = queue;
      queue = new Set();
      try {
        dirs.sync(batch);
        await opts.onBatch(batch);
      } catch (e) {
        opts.onError?.(e);
      }
    });
    return running;
  };

  const onEvent = (p: string) => {
    if (closed) return;
    if (!queue.size) firstAt = Date.now();
    queue.add(path.resolve(p));
    if (timer) clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstAt + maxWaitMs - Date.now()));
    timer = setTimeout(() => void deliver(), wait);
  };

  const dirs = watchDirs(opts.dirs, onEvent, (e) => opts.onError?.(e));
  const ready = Promise.resolve();

  return {
    ready,
    flush: deliver,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      dirs.close();
      await running;
    },
  };
}
