import fs from 'node:fs';
import type {
  ConflictDetail,
  DetectedProvider,
  DisconnectResult,
  IncomingChange,
  ResolveResult,
  SetupResult,
  SyncConflict,
  SyncStatus,
} from '../../shared/sync';
import type { OperationContext } from '../context';
import type { EventBus } from '../events';
import type { Logger } from '../observability/logger';
import { findConflicts } from './conflicts';
import { syncStateFile, type SyncDeps } from './deps';
import { resumeDisconnect, runDisconnect } from './disconnect';
import { createIncomingTracker } from './incoming';
import { currentPlatform, type Platform } from './platform';
import { detectDropbox } from './providers/dropbox';
import { detectFolder } from './providers/folder';
import { detectNextcloud } from './providers/nextcloud';
import { connectSyncthing, detectSyncthing, syncthingFolderState } from './providers/syncthing';
import { conflictDetail, resolveConflict } from './resolve';
import { runSetup, type SetupRequest } from './setup';
import { loadSyncState } from './state';

/** `services.sync`: providers, the setup wizard's work, status, conflicts, and changes arriving from other machines. */
export interface SyncService {
  detect(req: { syncthingConfig?: string | undefined }): Promise<DetectedProvider[]>;
  setup(req: SetupRequest, ctx: OperationContext): Promise<SetupResult>;
  status(): Promise<SyncStatus>;
  conflicts(): SyncConflict[];
  conflict(path: string): ConflictDetail;
  resolve(
    req: { path: string; keep: 'mine' | 'theirs' | 'manual'; content?: string | undefined },
    ctx: OperationContext,
  ): Promise<ResolveResult>;
  disconnect(req: { removeSharedCopy?: boolean | undefined }, ctx: OperationContext): Promise<DisconnectResult>;
  /** Completes a `sync disconnect` that was killed (state/sync-disconnect.json); undefined when there is none. */
  finishDisconnect(ctx: OperationContext): Promise<DisconnectResult | undefined>;
  /** Files changed by other machines since the notice was last dismissed (newest first). */
  incoming(): IncomingChange[];
  dismissIncoming(): number;
  /**
   * For the agents service: personal-workspace paths (relative, "/"-separated) that arrived from another
   * machine after `since`. An installed agent whose sources include one of them needs reinstalling.
   */
  changedSince(since: Date): string[];
  /** Stops listening to the event bus (tests, shutdown). */
  stop(): void;
}

export interface SyncServiceOptions extends Pick<
  SyncDeps,
  'paths' | 'requireSettings' | 'personalDir' | 'history' | 'audit' | 'copyFile'
> {
  readonly events: EventBus;
  readonly logger: Logger;
  readonly platform?: Platform;
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
}

export function createSyncService(opts: SyncServiceOptions): SyncService {
  const stateFile = syncStateFile(opts.paths);
  const now = opts.now ?? (() => new Date());
  const connected = () => {
    try {
      return !!loadSyncState(stateFile);
    } catch {
      return false;
    }
  };
  const incoming = createIncomingTracker({ events: opts.events, connected, now });
  const platform = opts.platform ?? currentPlatform();
  const deps: SyncDeps = {
    paths: opts.paths,
    requireSettings: opts.requireSettings,
    personalDir: opts.personalDir,
    history: opts.history,
    audit: opts.audit,
    platform,
    incoming,
    now,
    sleep: opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    ...(opts.copyFile ? { copyFile: opts.copyFile } : {}),
  };

  /** Asks Syncthing to rescan after we changed files, so the change travels without waiting for the watcher. */
  const nudge = async () => {
    const state = loadSyncState(stateFile);
    if (!state?.syncthing) return;
    try {
      const api = await connectSyncthing(platform, state.syncthing.configPath);
      await api.scan(state.syncthing.folderId);
    } catch {
      // Best effort: Syncthing's own watcher picks the change up later.
    }
  };

  return {
    async detect(req) {
      return [
        await detectSyncthing(platform, req.syncthingConfig),
        detectNextcloud(platform),
        detectDropbox(platform),
        detectFolder(platform),
      ];
    },
    setup: (req, ctx) => runSetup(req, deps, ctx),
    async status() {
      const state = loadSyncState(stateFile);
      const dir = opts.personalDir();
      const base = { personalDir: dir, conflicts: findConflicts(dir).length, incoming: incoming.list() };
      if (!state) return { connected: false, ...base };
      let syncthing: SyncStatus['syncthing'];
      let providerProblem: string | undefined = fs.existsSync(state.dir)
        ? undefined
        : `The sync folder ${state.dir} is missing (a network share not mounted, or the folder was moved).`;
      if (state.syncthing && !providerProblem) {
        try {
          const api = await connectSyncthing(platform, state.syncthing.configPath);
          syncthing = await syncthingFolderState(api, state.syncthing.folderId);
        } catch (e) {
          providerProblem = e instanceof Error ? e.message : String(e);
        }
      }
      return {
        connected: true,
        provider: state.provider,
        previousDir: state.previousDir,
        since: state.since,
        ...base,
        ...(state.ignoreFile ? { ignoreFile: state.ignoreFile } : {}),
        ...(syncthing ? { syncthing } : {}),
        ...(providerProblem ? { providerProblem } : {}),
      };
    },
    conflicts: () => findConflicts(opts.personalDir()),
    conflict: (p) => conflictDetail(opts.personalDir(), p),
    async resolve(req, ctx) {
      const r = await resolveConflict(req, deps, ctx);
      await nudge();
      return r;
    },
    disconnect: (req, ctx) => runDisconnect(req, deps, ctx),
    finishDisconnect: (ctx) => resumeDisconnect(deps, ctx),
    incoming: () => incoming.list(),
    dismissIncoming: () => incoming.dismiss(),
    changedSince: (since) => incoming.changedSince(since),
    stop: () => incoming.stop(),
  };
}
