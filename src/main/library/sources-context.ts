import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { Settings, SourceSettings } from '../../shared/settings';
import type { OperationContext } from '../context';
import { loadSettings, saveSettings } from '../workspace/settings';
import { gitEnvFor } from './auth';
import type { RepoCtx } from './git-ops';
import { withHostKey } from './host-key-retry';
import { pushVersion, readSourceState, writeSourceState, type SourceState } from './source-state';
import type { SourcesDeps } from './sources-deps';
import { createMutate } from './sources-mutation';

/** The helpers every sources operation shares, built once from the deps (see {@link createSourcesContext}). */
export type SourcesContext = ReturnType<typeof createSourcesContext>;

/** Builds the shared helpers of the sources service: settings, lookups, repo contexts, mutations, versions. */
export function createSourcesContext(deps: SourcesDeps) {
  const { paths } = deps;
  const now = () => (deps.now ?? (() => new Date()))().toISOString();
  const running = new Map<string, AbortController>();

  const settings = (): Settings => {
    const s = loadSettings(paths.settings);
    if (!s) throw new AppError('NOT_INITIALIZED', `No workspace at ${paths.home}.`, 'Run `ai-config init` first.');
    return s;
  };
  const find = (name: string): SourceSettings => {
    const s = settings().sources.find((x) => x.name === name);
    if (!s)
      throw new AppError(
        'NOT_FOUND',
        `There is no source named "${name}" in ${paths.settings}.`,
        'See `ai-config library status` for the configured sources.',
      );
    return s;
  };
  const requireGit = (s: SourceSettings): SourceSettings => {
    if (s.kind !== 'git')
      throw new AppError(
        'UNSUPPORTED',
        `The source "${s.name}" is the built-in starter library; it has no upstream.`,
        'Add a Git source with `ai-config library add NAME URL`.',
      );
    return s;
  };
  const saveSources = async (fn: (sources: SourceSettings[]) => SourceSettings[]) => {
    const s = settings();
    await saveSettings(paths.settings, { ...s, sources: fn([...s.sources]) });
  };
  const envFor = (s: Pick<SourceSettings, 'name' | 'url' | 'sshKey' | 'tokenEnv' | 'tokenRef'>, token?: string) =>
    gitEnvFor(s, {
      stateDir: paths.state,
      env: deps.env,
      readSecret: (ref) => (token && ref === s.tokenRef ? token : deps.secrets.get(ref)),
    });
  const repo = (s: SourceSettings, ctx?: OperationContext, signal?: AbortSignal, withAuth = false): RepoCtx => ({
    dir: paths.sourceDir(s.name),
    logger: ctx?.logger ?? deps.logger,
    ...(withAuth && s.kind === 'git' ? { env: envFor(s) } : {}),
    ...(signal ? { signal } : {}),
  });
  const requirePresent = (s: SourceSettings) => {
    if (!fs.existsSync(path.join(paths.sourceDir(s.name), '.git'))) {
      throw new AppError(
        'NOT_A_GIT_REPO',
        `${paths.sourceDir(s.name)} (source "${s.name}") is not a Git clone.`,
        'Remove the source and add it again (`ai-config library remove NAME`, then `library add`).',
      );
    }
  };

  /** A cancellable signal for one operation, found again by its correlation id. */
  const track = <T>(ctx: OperationContext, fn: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    running.set(ctx.correlationId, controller);
    const signal = ctx.signal ? AbortSignal.any([ctx.signal, controller.signal]) : controller.signal;
    return fn(signal).finally(() => running.delete(ctx.correlationId));
  };

  /** On an unknown SSH host: accept it when asked to (CLI --accept-host-key), else fail with its fingerprint. */
  const hostKeyRetry = <T>(url: string, accept: boolean, ctx: OperationContext, fn: () => Promise<T>): Promise<T> =>
    withHostKey(paths.state, url, accept, ctx, fn);

  const recordVersion = async (
    name: string,
    commit: string,
    operation: Parameters<typeof pushVersion>[2],
    extra: Partial<SourceState> = {},
  ) => {
    const st = readSourceState(paths.state, name);
    const at = now();
    await writeSourceState(paths.state, name, { ...pushVersion(st, commit, operation, at), ...extra });
  };

  return {
    deps,
    paths,
    now,
    running,
    settings,
    find,
    requireGit,
    saveSources,
    envFor,
    repo,
    requirePresent,
    track,
    mutate: createMutate(deps),
    withHostKey: hostKeyRetry,
    recordVersion,
  };
}
