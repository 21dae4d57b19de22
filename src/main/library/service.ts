import type { SourceSettings } from '../../shared/settings';
import type {
  AddedSource,
  HostKeyInfo,
  LogEntry,
  SourceIgnoreResult,
  SourceInfo,
  UpdateResult,
} from '../../shared/sources';
import type { OperationContext } from '../context';
import { addSource, cloneSource, removeSource, type AddSourceRequest } from './add-remove';
import { acceptHostKey } from './host-keys';
import { sourceDiff, sourceLog } from './inspect';
import { resolveConflict } from './resolve-conflict';
import { setSourceIgnore } from './source-ignore';
import { listSources } from './source-info';
import { createSourcesContext } from './sources-context';
import type { SourcesDeps } from './sources-deps';
import { updateSources } from './update';
import { pinSource, stepSource, unpinSource } from './versions';

export type { AddSourceRequest } from './add-remove';
export type { SourcesDeps } from './sources-deps';

/** Library sources on Git: add, update, versions (pin, rollback, roll forward), conflicts, host keys. */
export interface SourcesService {
  list(): Promise<SourceInfo[]>;
  add(req: AddSourceRequest, ctx: OperationContext): Promise<AddedSource>;
  remove(name: string, ctx: OperationContext): Promise<{ removed: string }>;
  update(name: string | undefined, ctx: OperationContext): Promise<UpdateResult[]>;
  log(name: string, limit?: number): Promise<{ source: string; entries: LogEntry[] }>;
  pin(name: string, ref: string, ctx: OperationContext): Promise<UpdateResult>;
  unpin(name: string, ctx: OperationContext): Promise<SourceInfo>;
  rollback(name: string, ctx: OperationContext): Promise<UpdateResult>;
  rollforward(name: string, ctx: OperationContext): Promise<UpdateResult>;
  diff(name: string, file: string, from?: string, to?: string): Promise<{ diff: string }>;
  resolve(name: string, file: string, choice: 'mine' | 'theirs', ctx: OperationContext): Promise<SourceInfo>;
  acceptHostKey(url: string, fingerprint: string, ctx: OperationContext): Promise<HostKeyInfo>;
  cancel(correlationId: string): { cancelled: boolean };
  /** Adds a pattern to a source's ignore list, or removes it (`remove`); the index reindexes that source. */
  ignore(name: string, pattern: string, remove: boolean, ctx: OperationContext): Promise<SourceIgnoreResult>;
  /** Clones a configured source into library/<name> (used by init); records the first version. */
  cloneSource(source: SourceSettings, ctx: OperationContext): Promise<void>;
}

/** Assembles the sources service from its operations (one file each) over one shared context. */
export function createSourcesService(deps: SourcesDeps): SourcesService {
  const sc = createSourcesContext(deps);
  const { paths, running } = sc;
  return {
    list: () => listSources(sc),
    add: (req, ctx) => addSource(sc, req, ctx),
    remove: (name, ctx) => removeSource(sc, name, ctx),
    update: (name, ctx) => updateSources(sc, name, ctx),
    log: (name, limit) => sourceLog(sc, name, limit),
    pin: (name, ref, ctx) => pinSource(sc, name, ref, ctx),
    unpin: (name, ctx) => unpinSource(sc, name, ctx),
    rollback: (name, ctx) => stepSource(sc, name, -1, ctx),
    rollforward: (name, ctx) => stepSource(sc, name, 1, ctx),
    diff: (name, file, from, to) => sourceDiff(sc, name, file, from, to),
    resolve: (name, file, choice, ctx) => resolveConflict(sc, name, file, choice, ctx),

    acceptHostKey(url, fingerprint, ctx) {
      return sc.mutate(
        'library.accept-host-key',
        url,
        ctx,
        () => acceptHostKey(paths.state, url, fingerprint),
        (v) => ({ host: v.host, port: v.port, fingerprints: v.fingerprints }),
      );
    },

    cancel(correlationId) {
      const c = running.get(correlationId);
      c?.abort();
      return { cancelled: !!c };
    },

    cloneSource: (source, ctx) => cloneSource(sc, source, ctx),
    ignore: (name, pattern, remove, ctx) => setSourceIgnore(sc, name, pattern, remove, ctx),
  };
}
