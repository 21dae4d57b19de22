import path from 'node:path';
import { AppError } from '../shared/errors';
import type { AppInfo, InitResult, WorkspaceStatus } from '../shared/ipc/channels/app';
import { PERSONAL_SOURCE, type LibraryEntry, type LibraryFile } from '../shared/library';
import type { Settings } from '../shared/settings';
import type { OperationContext } from './context';
import { createEventBus, type EventBus } from './events';
import { readLibraryFile } from './library/read-library-file';
import { sourceStatus } from './library/source-status';
import type { SourceRoot } from './library/tree';
import { createIndexService, type IndexService } from './index/service';
import { rebuildIndexRepair } from './index/repair';
import type { Logger } from './observability/logger';
import { createAuditTrail, type AuditTrail } from './observability/audit';
import { installsCheck } from './agents/health-check';
import { reinstallSupersededRepair, supersededCheck } from './agents/superseded-check';
import { registerAgentMigrations } from './agents/migrations';
import { createAgentService, homeFromEnv, type AgentService } from './agents/service';
import { createHistoryService, type HistoryService } from './history/service';
import { createHealthService, type HealthService } from './health/service';
import { gitEnvFor } from './library/auth';
import { historyRepair } from './history/health-repair';
import { createMetrics } from './observability/metrics';
import { finishDisconnectRepair, interruptedDisconnectCheck } from './sync/health';
import { createSyncService, type SyncService } from './sync/service';
import { createSecretStore, fileKeyProvider, type KeyProvider, type SecretStore } from './secrets/store';
import { createSecretsService, type SecretsService } from './secrets/service';
import { createToolPlaceholders } from './secrets/tool-placeholders';
import { createSourcesService, type SourcesService } from './library/service';
import { recoverSourceMoves } from './library/recover-moves';
import { approvalGate } from './library/approval/gate';
import { initWorkspace } from './workspace/init';
import { expandHome } from './workspace/boundary';
import { makePaths, type Paths } from './workspace/paths';
import { restrictWorkspace } from './workspace/private-mode';
import { loadSettings, settingsMigrationTarget } from './workspace/settings';

export interface ServicesOptions {
  readonly home: string;
  readonly assetsDir: string;
  readonly version: string;
  readonly host: AppInfo['host'];
  readonly logger: Logger;
  readonly events?: EventBus;
  readonly now?: () => Date;
  /** How the secret store's key is protected: Electron safeStorage in the app, a 0600 key file elsewhere. */
  readonly keyProvider?: KeyProvider;
  /**
   * The environment `${VAR}` placeholders, the home directory (HOME) and tokens named by `tokenEnv` come from;
   * process.env by default.
   */
  readonly env?: NodeJS.ProcessEnv;
}

/** One instance per process: the app, the browser host and the CLI each build one and route to it. */
export interface Services {
  readonly paths: Paths;
  readonly logger: Logger;
  readonly events: EventBus;
  /** Every mutating operation snapshots through this before it writes (see history/api.ts). */
  readonly history: HistoryService;
  readonly audit: AuditTrail;
  /** Encrypted tokens and `${VAR}` values (state/secrets/). */
  readonly secrets: SecretStore;
  /** Agents: compose from the library and install into the nine AI tools (src/main/agents). */
  readonly agents: AgentService;
  /** The library index: discovery cache, live watching, full-text search (state/index/). */
  readonly index: IndexService;
  /** Library sources on Git: add, update, pin, rollback, conflicts (library/service.ts). */
  readonly sources: SourcesService;
  /** Health checks and repairs, logs, audit, metrics, diagnostics (checks from other domains register here). */
  readonly health: HealthService;
  /** Sync folders (Syncthing, Nextcloud, Dropbox, plain folder), conflicts, incoming changes. */
  readonly sync: SyncService;
  /** `ai-config secret` and the Secrets panel: names and dates out, values in only. */
  readonly secretsService: SecretsService;
  info(): AppInfo;
  settings(): Settings | undefined;
  /** Settings, or NOT_INITIALIZED with a hint to run init. */
  requireSettings(): Settings;
  personalDir(): string;
  roots(): SourceRoot[];
  workspaceStatus(): Promise<WorkspaceStatus>;
  init(request: { library?: string }, ctx: OperationContext): Promise<InitResult>;
  libraryTree(ctx?: OperationContext): Promise<LibraryEntry[]>;
  readFile(source: string, relPath: string): Promise<LibraryFile>;
  /** What every start runs before its first request: puts back what a killed multi-step change left (never throws). */
  recoverAtStart(): Promise<void>;
}

/** The value, or undefined when the secret store cannot be read (its own commands report why). */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

export function createServices(opts: ServicesOptions): Services {
  const paths = makePaths(opts.home);
  // Start-up: a workspace made before these were private (or by hand) becomes owner-only again.
  restrictWorkspace(paths);
  const events = opts.events ?? createEventBus();
  const logger = opts.logger;

  const settings = () => loadSettings(paths.settings);
  const requireSettings = () => {
    const s = settings();
    if (!s)
      throw new AppError(
        'NOT_INITIALIZED',
        `No workspace at ${paths.home}.`,
        'Run `ai-config init` (or click "Set up" in the app) to create it.',
      );
    return s;
  };
  const personalDir = () => settings()?.personalDir ?? paths.defaultPersonal;
  const roots = (): SourceRoot[] => {
    const s = requireSettings();
    return [
      ...s.sources.map((src) => ({
        name: src.name,
        dir: paths.sourceDir(src.name),
        ...(src.ignore?.length ? { ignore: src.ignore } : {}),
      })),
      { name: PERSONAL_SOURCE, dir: personalDir() },
    ];
  };

  const audit = createAuditTrail(paths.audit, opts.now);
  const secrets = createSecretStore(
    path.join(paths.secrets, 'secrets.enc'),
    opts.keyProvider ?? fileKeyProvider(path.join(paths.secrets, 'master.key')),
    opts.now,
  );
  const env = opts.env ?? process.env;
  // Tool files holding a resolved secret: written 0600, and kept in history with the placeholder in its place.
  const toolPlaceholders = createToolPlaceholders({
    file: path.join(paths.secrets, 'placeholders.json'),
    lookup: (name) => safely(() => secrets.get(name)) ?? env[name],
    known: () => safely(() => secrets.entries()) ?? [],
  });
  /** Tool-file symlinks the user allowed on purpose (settings `filesystem.allowSymlinks`, `~` = the user's home). */
  const allowSymlinks = () => (settings()?.filesystem?.allowSymlinks ?? []).map((p) => expandHome(p, homeFromEnv(env)));
  const history = createHistoryService({
    toolContent: toolPlaceholders,
    gitDir: paths.historyGit,
    lockFile: paths.lock,
    workTree: personalDir,
    logger,
    backupsDir: paths.backups,
    homeDir: homeFromEnv(opts.env ?? process.env),
    ...(opts.now ? { now: opts.now } : {}),
    allowSymlinks,
  });
  history.migrations.register(settingsMigrationTarget(paths.settings));
  const index = createIndexService({
    cacheFile: path.join(paths.index, 'library.idx'),
    roots,
    logger,
    events,
    lockFile: paths.lock,
    audit,
  });
  const metrics = createMetrics({ dir: paths.metrics, ...(opts.now ? { now: opts.now } : {}) });
  const manifestFile = path.join(paths.state, 'installs', 'manifest.json');
  registerAgentMigrations(history.migrations, { personalDir, manifestFile });
  const agents = createAgentService({
    roots,
    personalDir,
    manifestFile,
    lockFile: paths.lock,
    history,
    audit,
    secrets,
    toolPlaceholders,
    env,
    homeDir: homeFromEnv(env),
    metrics,
    approvals: approvalGate(paths, settings),
    ...(opts.now ? { now: opts.now } : {}),
    allowSymlinks,
  });
  const sources = createSourcesService({
    paths,
    logger,
    audit,
    history,
    secrets,
    env: opts.env ?? process.env,
    ...(opts.now ? { now: opts.now } : {}),
  });
  const svc: Services = {
    paths,
    logger,
    events,
    history,
    audit,
    index,
    secrets,
    agents,
    sources,
    health: createHealthService({
      paths,
      assetsDir: opts.assetsDir,
      logger,
      audit,
      metrics,
      history: () => svc.history,
      settings,
      personalDir,
      roots,
      info: () => svc.info(),
      remoteEnv: (s) =>
        gitEnvFor(s, { stateDir: paths.state, env: opts.env ?? process.env, readSecret: (ref) => secrets.get(ref) }),
      cloneSource: (s, ctx) => sources.cloneSource(s, ctx),
      ...(opts.now ? { now: opts.now } : {}),
    }),
    sync: createSyncService({
      paths,
      requireSettings,
      personalDir,
      history,
      audit,
      events,
      logger: logger.child({ component: 'sync' }),
      ...(opts.now ? { now: opts.now } : {}),
    }),
    secretsService: createSecretsService({ store: secrets, audit, retire: toolPlaceholders.retire }),
    info: () => ({
      name: 'AI Configurator',
      version: opts.version,
      home: paths.home,
      platform: process.platform,
      host: opts.host,
    }),
    settings,
    requireSettings,
    personalDir,
    roots,
    async workspaceStatus() {
      const s = settings();
      const sources = s
        ? await Promise.all(s.sources.map((src) => sourceStatus(src, paths.sourceDir(src.name), logger)))
        : [];
      return { initialized: !!s, home: paths.home, personalDir: personalDir(), sources };
    },
    async init(request, ctx) {
      const started = Date.now();
      const result = await initWorkspace({
        paths,
        assetsDir: opts.assetsDir,
        logger: ctx.logger,
        ...(request.library ? { library: request.library } : {}),
        ...(opts.now ? { now: opts.now } : {}),
        cloneSource: (source) => sources.cloneSource(source, ctx),
        onProgress: (phase, percent) => ctx.progress({ phase, ...(percent !== undefined ? { percent } : {}) }),
      });
      // The history store is part of the workspace: made now, so the first change pays only for its snapshot.
      await history.recover();
      restrictWorkspace(paths);
      ctx.progress({ phase: 'Done', done: true });
      if (result.changed)
        audit.append({
          operation: 'workspace.init',
          target: paths.home,
          result: 'ok',
          durationMs: Date.now() - started,
          correlationId: ctx.correlationId,
          details: { created: result.created },
        });
      return result;
    },
    libraryTree: (ctx) => index.tree(ctx),
    readFile: (source, relPath) => readLibraryFile(roots(), source, relPath),
    async recoverAtStart() {
      try {
        const moved = await recoverSourceMoves(paths, logger);
        if (moved.length) logger.info('recovered interrupted library moves', { sources: moved.map((m) => m.source) });
      } catch (e) {
        // Left for the next start, and reported by `health` (library-moves) with a repair.
        logger.error('start-up recovery failed', { error: e instanceof Error ? e.message : String(e) });
      }
    },
  };
  svc.health.registerCheck(installsCheck(agents));
  svc.health.registerRepair(rebuildIndexRepair(index));
  svc.health.registerRepair(historyRepair(history));
  svc.health.registerCheck(interruptedDisconnectCheck(paths));
  svc.health.registerRepair(finishDisconnectRepair(svc.sync));
  svc.health.registerCheck(supersededCheck(manifestFile));
  svc.health.registerRepair(reinstallSupersededRepair(manifestFile, agents));
  return svc;
}
