import type { IncomingChange } from '../../shared/sync';
import { PERSONAL_SOURCE } from '../../shared/library';
import type { EventBus } from '../events';
import { parseConflictName } from './conflicts';
import { PROVIDER_FILES } from './ignore';

/**
 * Changes that arrived in the synced personal workspace from elsewhere. Fed by the index's `files:changed`
 * events (source "personal") while a sync folder is connected; paths this process wrote itself in the last
 * few seconds are left out. Re-emitted as `sync:incoming`, which the UI shows as a notice and which the
 * agents service can use (or call `changedSince`) to mark installed agents "needs reinstall".
 */
export interface IncomingTracker {
  list(): IncomingChange[];
  /** Paths (relative to the personal workspace) changed after `since`. */
  changedSince(since: Date): string[];
  dismiss(): number;
  /** Remember that this process is about to write `rel`, so its own change is not reported as incoming. */
  noteOwnWrite(rel: string): void;
  /** Feed paths directly (the event subscription does this). */
  accept(paths: ReadonlyArray<string>): void;
  stop(): void;
}

export interface IncomingOptions {
  readonly events: EventBus;
  readonly connected: () => boolean;
  readonly now?: () => Date;
  readonly ownWriteMs?: number;
  readonly max?: number;
}

function isNoise(rel: string): boolean {
  const name = rel.split('/').pop() ?? rel;
  return (
    PROVIDER_FILES.has(name) ||
    name.startsWith('.ai-config-probe-') ||
    rel.split('/').some((p) => PROVIDER_FILES.has(p))
  );
}

export function createIncomingTracker(opts: IncomingOptions): IncomingTracker {
  const now = opts.now ?? (() => new Date());
  const ownWriteMs = opts.ownWriteMs ?? 5000;
  const max = opts.max ?? 500;
  const changes = new Map<string, string>();
  const own = new Map<string, number>();

  const tracker: IncomingTracker = {
    list: () =>
      [...changes]
        .map(([path, at]) => ({ path, at }))
        .sort((a, b) => b.at.localeCompare(a.at) || a.path.localeCompare(b.path)),
    changedSince: (since) => [...changes].filter(([, at]) => at > since.toISOString()).map(([p]) => p),
    dismiss() {
      const n = changes.size;
      changes.clear();
      return n;
    },
    noteOwnWrite: (rel) => void own.set(rel, now().getTime() + ownWriteMs),
    accept(paths) {
      if (!opts.connected()) return;
      const t = now();
      const fresh: string[] = [];
      for (const p of paths) {
        const until = own.get(p);
        if (until !== undefined && until >= t.getTime()) continue;
        if (until !== undefined) own.delete(p);
        if (isNoise(p)) continue;
        changes.delete(p);
        changes.set(p, t.toISOString());
        fresh.push(p);
      }
      while (changes.size > max) changes.delete(changes.keys().next().value as string);
      if (!fresh.length) return;
      opts.events.emit('sync:incoming', {
        paths: fresh,
        conflicts: fresh.filter((p) => parseConflictName(p.split('/').pop() ?? p)),
        at: t.toISOString(),
      });
    },
    stop: () => off(),
  };
  const off = opts.events.on('files:changed', (e) => {
    if (e.source === PERSONAL_SOURCE) tracker.accept(e.paths);
  });
  return tracker;
}
