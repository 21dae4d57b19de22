import fs from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '../../shared/errors';
import type { Settings, SourceSettings } from '../../shared/settings';
import type { HostKeyInfo, LogEntry, SourceInfo, UpdateResult } from '../../shared/sources';
import type { OperationContext } from '../context';
import type { History } from '../history/api';
import type { AuditTrail } from '../observability/audit';
import type { Logger } from '../observability/logger';
import { registerSecret } from '../observability/redact';
import type { SecretStore } from '../secrets/store';
import { ensureGit } from '../git/core';
import { writeAtomic } from '../workspace/atomic-write';
import { withLock } from '../workspace/lock';
import type { Paths } from '../workspace/paths';
import { loadSettings, saveSettings } from '../workspace/settings';
import { checkUrl, gitEnvFor, isSshUrl } from './auth';
import { cloneRepo, removeStaleClones, sourceNameFromUrl } from './clone';
import {
  aheadBehind,
  commitInfo,
  currentBranch,
  fetchOrigin,
  fileDiff,
  headCommit,
  isAncestor,
  localChanges,
  logOf,
  resolveCommit,
  showFile,
  type RepoCtx,
} from './git-ops';
import { acceptHostKey, describeHostKey } from './host-keys';
import { moveKeepingEdits, type MoveResult } from './local-edits';
import {
  inUseSince,
  pushVersion,
  readSourceState,
  sourceStateFile,
  writeSourceState,
  type SourceState,
} from './source-state';
import { summarize } from './summary';

export interface SourcesDeps {
  readonly paths: Paths;
  readonly logger: Logger;
  readonly audit: AuditTrail;
  readonly history: History;
  readonly secrets: SecretStore;
  readonly env: NodeJS.ProcessEnv;
  readonly now?: () => Date;
}

export interface AddSourceRequest {
  readonly name?: string;
  readonly url: string;
  readonly branch?: string;
  readonly sshKey?: string;
  readonly tokenEnv?: string;
  readonly token?: string;
  readonly acceptHostKey?: boolean;
}

/** Library sources on Git: add, update, versions (pin, rollback, roll forward), conflicts, host keys. */
export interface SourcesService {
  list(): Promise<SourceInfo[]>;
  add(req: AddSourceRequest, ctx: OperationContext): Promise<SourceInfo>;
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
  /** Clones a configured source into library/<name> (used by init); records the first version. */
  cloneSource(source: SourceSettings, ctx: OperationContext): Promise<void>;
}

const NOOP_MOVE: MoveResult = { kept: [], conflicts: [] };

export function createSourcesService(deps: SourcesDeps): SourcesService {
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

  /** Lock, history before/after, and exactly one audit record for a mutation. */
  const mutate = async <T>(
    operation: string,
    target: string,
    ctx: OperationContext,
    fn: () => Promise<T>,
    details: (v: T) => Record<string, unknown> = () => ({}),
    noop: (v: T) => boolean = () => false,
  ): Promise<T> => {
    const started = Date.now();
    return withLock(paths.lock, operation, async () => {
      let versionBefore: string | undefined;
      try {
        versionBefore = await deps.history.beforeChange({
          operation,
          correlationId: ctx.correlationId,
          message: `${operation} ${target}`,
        });
        const value = await fn();
        const versionAfter = await deps.history.record({
          operation,
          correlationId: ctx.correlationId,
          message: `${operation} ${target}`,
        });
        deps.audit.append({
          operation,
          target,
          result: noop(value) ? 'noop' : 'ok',
          durationMs: Date.now() - started,
          correlationId: ctx.correlationId,
          ...(versionBefore ? { versionBefore } : {}),
          ...(versionAfter ? { versionAfter } : {}),
          details: details(value),
        });
        return value;
      } catch (e) {
        const code = isAppError(e) ? e.code : 'INTERNAL';
        deps.audit.append({
          operation,
          target,
          result: code === 'CANCELLED' ? 'cancelled' : 'failed',
          durationMs: Date.now() - started,
          correlationId: ctx.correlationId,
          ...(versionBefore ? { versionBefore } : {}),
          error: { code, message: e instanceof Error ? e.message : String(e) },
        });
        throw e;
      }
    });
  };

  /** On an unknown SSH host: accept it when asked to (CLI --accept-host-key), else fail with its fingerprint. */
  const withHostKey = async <T>(
    url: string,
    accept: boolean,
    ctx: OperationContext,
    fn: () => Promise<T>,
  ): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      if (!isAppError(e) || e.code !== 'HOST_KEY_UNKNOWN' || !isSshUrl(url)) throw e;
      const info = await describeHostKey(url);
      if (!accept || !info.fingerprints[0]) {
        throw new AppError(
          'HOST_KEY_UNKNOWN',
          `The SSH host key of ${info.host}:${info.port} is not yet trusted. Its fingerprint is ${info.fingerprints.join(', ')}.`,
          'Check the fingerprint with the server admin, then accept it (in the app: Trust this host; in the CLI: add --accept-host-key).',
          { url, ...info },
        );
      }
      ctx.logger.info('accepting SSH host key', { host: info.host, port: info.port, fingerprints: info.fingerprints });
      await acceptHostKey(paths.state, url, info.fingerprints[0]);
      return fn();
    }
  };

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

  const clone = async (s: SourceSettings, ctx: OperationContext, signal: AbortSignal, env: NodeJS.ProcessEnv) => {
    ctx.progress({ phase: `Cloning ${s.name}`, percent: 0 });
    await cloneRepo({
      url: s.url,
      dest: paths.sourceDir(s.name),
      env,
      logger: ctx.logger,
      signal,
      ...(s.branch ? { branch: s.branch } : {}),
      onProgress: (p) => ctx.progress({ phase: p.phase, ...(p.percent !== undefined ? { percent: p.percent } : {}) }),
    });
    const r = repo(s, ctx);
    await recordVersion(s.name, await headCommit(r), 'clone', { lastUpdate: now(), lastFetch: now() });
  };

  /** Moves a source to `target`, keeping local edits, merging conflicts into the state file. */
  const moveTo = async (
    s: SourceSettings,
    r: RepoCtx,
    from: string,
    target: string,
    op: string,
  ): Promise<MoveResult> => {
    if (from === target) return NOOP_MOVE;
    const backup = path.join(paths.backups, 'sources', `${s.name}-${Date.now()}`);
    const move = await moveKeepingEdits(r, from, target, backup, now());
    if (move.conflicts.length) {
      const st = readSourceState(paths.state, s.name);
      const fresh = new Set(move.conflicts.map((c) => c.path));
      await writeSourceState(paths.state, s.name, {
        ...st,
        conflicts: [...st.conflicts.filter((c) => !fresh.has(c.path)), ...move.conflicts],
      });
    }
    deps.logger.info('source moved', {
      source: s.name,
      op,
      from,
      to: target,
      kept: move.kept.length,
      conflicts: move.conflicts.length,
    });
    return move;
  };

  const info = async (s: SourceSettings, precedence: number): Promise<SourceInfo> => {
    const dir = paths.sourceDir(s.name);
    const st = readSourceState(paths.state, s.name);
    const base = {
      name: s.name,
      kind: s.kind,
      url: s.kind === 'starter' ? 'embedded starter library' : s.url,
      ...(s.branch ? { branch: s.branch } : {}),
      ...(s.pinned ? { pinned: s.pinned } : {}),
      ...(st.lastUpdate ? { lastUpdate: st.lastUpdate } : {}),
      ...(st.lastFetch ? { lastFetch: st.lastFetch } : {}),
      conflicts: st.conflicts,
      auth: s.sshKey
        ? ('ssh-key' as const)
        : s.tokenEnv
          ? ('token-env' as const)
          : s.tokenRef
            ? ('token-stored' as const)
            : ('none' as const),
      canRollback: st.position > 0,
      canRollforward: st.position >= 0 && st.position < st.trail.length - 1,
      precedence,
    };
    if (!fs.existsSync(path.join(dir, '.git'))) return { ...base, present: false, localChanges: [] };
    const r = repo(s);
    try {
      const [head, branch, changes] = await Promise.all([
        commitInfo(r, 'HEAD'),
        s.branch ? Promise.resolve(s.branch) : currentBranch(r),
        localChanges(r),
      ]);
      const counts = s.kind === 'git' ? await aheadBehind(r, `refs/remotes/origin/${branch}`) : undefined;
      return {
        ...base,
        branch,
        present: true,
        localChanges: changes,
        ...(head ? { commit: head.hash, commitSubject: head.subject, commitDate: head.date } : {}),
        ...(counts ? { ahead: counts.ahead, behind: counts.behind } : {}),
      };
    } catch (e) {
      deps.logger.warn('source status failed', { source: s.name, error: e instanceof Error ? e.message : String(e) });
      return { ...base, present: false, localChanges: [] };
    }
  };
  const infoOf = async (name: string) => {
    const all = settings().sources;
    const i = all.findIndex((x) => x.name === name);
    return info(all[i]!, i);
  };

  const offlineError = async (s: SourceSettings, e: AppError): Promise<AppError> => {
    const head = await commitInfo(repo(s), 'HEAD').catch(() => undefined);
    const since = inUseSince(readSourceState(paths.state, s.name)) ?? head?.date;
    return new AppError(
      'OFFLINE',
      `Could not reach ${s.url}: ${s.name} stays at ${head ? `${head.hash.slice(0, 10)} (${head.subject})` : 'its current version'}${since ? `, in use since ${since}` : ''}.`,
      'Everything else works offline. Run the update again when the network is back.',
      { source: s.name, ...(head ? { commit: head.hash } : {}), ...(since ? { since } : {}), cause: e.code },
    );
  };

  const updateOne = async (s: SourceSettings, ctx: OperationContext, signal: AbortSignal): Promise<UpdateResult> => {
    if (s.kind !== 'git') {
      return {
        source: s.name,
        status: 'skipped',
        commits: [],
        files: { added: [], modified: [], deleted: [] },
        kept: [],
        conflicts: [],
        message: `${s.name} is the built-in starter library; nothing to fetch.`,
      };
    }
    requirePresent(s);
    const r = repo(s, ctx, signal, true);
    ctx.progress({ phase: `Fetching ${s.name}`, percent: 0 });
    try {
      await withHostKey(s.url, false, ctx, () =>
        fetchOrigin(r, (p) =>
          ctx.progress({ phase: `${s.name}: ${p.phase}`, ...(p.percent !== undefined ? { percent: p.percent } : {}) }),
        ),
      );
    } catch (e) {
      if (isAppError(e) && e.code === 'NETWORK_UNREACHABLE') throw await offlineError(s, e);
      throw e;
    }
    const st = readSourceState(paths.state, s.name);
    await writeSourceState(paths.state, s.name, { ...st, lastFetch: now() });
    const branch = s.branch ?? (await currentBranch(r));
    let target: string;
    if (s.pinned) target = await resolveCommit(r, s.pinned);
    else {
      try {
        target = await resolveCommit(r, `refs/remotes/origin/${branch}`);
      } catch {
        throw new AppError(
          'BRANCH_MISSING',
          `The branch "${branch}" (source "${s.name}", field "branch") does not exist on ${s.url}.`,
          'Check the branch name upstream; remove and add the source with the right --branch.',
        );
      }
    }
    const from = await headCommit(r);
    if (!s.pinned && from !== target && !(await isAncestor(r, from, target))) {
      if (await isAncestor(r, target, from)) {
        // We are ahead of upstream only after a roll forward past a since-rewritten tip: treat as up to date.
        return summarize(r, s.name, from, from, NOOP_MOVE, 'Updated');
      }
      throw new AppError(
        'CONFLICT',
        `Upstream history of ${s.name} (${s.url}) was rewritten; it cannot be fast-forwarded from ${from.slice(0, 10)}.`,
        `Pin a version with \`ai-config library pin ${s.name} REF\`, or remove and add the source again (your local edits are backed up on remove).`,
        { source: s.name, from, to: target },
      );
    }
    ctx.progress({ phase: `Applying ${s.name}`, percent: 100 });
    const move = await moveTo(s, r, from, target, 'update');
    if (from !== target) await recordVersion(s.name, target, 'update', { lastUpdate: now() });
    return summarize(r, s.name, from, target, move, 'Updated');
  };

  const step = async (name: string, direction: -1 | 1, ctx: OperationContext): Promise<UpdateResult> => {
    const s = requireGit(find(name));
    const op = direction < 0 ? 'library.rollback' : 'library.rollforward';
    return mutate(
      op,
      name,
      ctx,
      async () => {
        requirePresent(s);
        const st = readSourceState(paths.state, name);
        const next = st.trail[st.position + direction];
        if (!next) {
          throw new AppError(
            'NOT_FOUND',
            direction < 0
              ? `${name} has no earlier version to roll back to.`
              : `${name} has no later version to roll forward to.`,
            'See `ai-config library log NAME` for the versions; pin one with `library pin NAME REF`.',
          );
        }
        const r = repo(s, ctx);
        const from = await headCommit(r);
        const move = await moveTo(s, r, from, next.commit, op);
        const latest = readSourceState(paths.state, name);
        await writeSourceState(paths.state, name, { ...latest, position: st.position + direction, lastUpdate: now() });
        return summarize(r, name, from, next.commit, move, direction < 0 ? 'Rolled back' : 'Rolled forward');
      },
      (v) => ({ from: v.from, to: v.to, commits: v.commits.length, conflicts: v.conflicts }),
    );
  };

  return {
    async list() {
      const all = settings().sources;
      return Promise.all(all.map((s, i) => info(s, i)));
    },

    add(req, ctx) {
      checkUrl(req.url);
      if (req.token) registerSecret(req.token);
      const name = req.name ?? sourceNameFromUrl(req.url);
      const s0 = settings();
      if (s0.sources.some((x) => x.name === name))
        throw new AppError(
          'ALREADY_EXISTS',
          `A source named "${name}" already exists in ${paths.settings}.`,
          'Pick another name (library add NAME URL) or remove the old source first.',
        );
      if (req.sshKey && !path.isAbsolute(req.sshKey))
        throw new AppError(
          'INVALID_REQUEST',
          `The SSH key path "${req.sshKey}" must be absolute.`,
          'Give the full path of the private key file.',
        );
      const tokenRef = req.token ? `source.${name}.token` : undefined;
      const source: SourceSettings = {
        name,
        kind: 'git',
        url: req.url,
        ...(req.branch ? { branch: req.branch } : {}),
        ...(req.sshKey ? { sshKey: req.sshKey } : {}),
        ...(req.tokenEnv ? { tokenEnv: req.tokenEnv } : {}),
        ...(tokenRef ? { tokenRef } : {}),
      };
      return mutate(
        'library.add',
        name,
        ctx,
        () =>
          track(ctx, async (signal) => {
            await ensureGit(ctx.logger);
            await removeStaleClones(paths.library);
            if (fs.existsSync(paths.sourceDir(name)))
              throw new AppError(
                'ALREADY_EXISTS',
                `${paths.sourceDir(name)} already exists.`,
                'Move that folder aside or pick another name.',
              );
            const env = envFor(source, req.token);
            await withHostKey(req.url, !!req.acceptHostKey, ctx, () => clone(source, ctx, signal, env));
            const branch = source.branch ?? (await currentBranch(repo(source, ctx)));
            if (tokenRef && req.token) deps.secrets.set(tokenRef, req.token);
            await saveSources((all) => [...all, { ...source, branch }]);
            ctx.progress({ phase: 'Done', percent: 100, done: true });
            return infoOf(name);
          }),
        (v) => ({ url: v.url, branch: v.branch, commit: v.commit }),
      );
    },

    remove(name, ctx) {
      const s = find(name);
      return mutate('library.remove', name, ctx, async () => {
        const dir = paths.sourceDir(name);
        if (fs.existsSync(dir)) {
          const aside = path.join(paths.backups, 'sources', `${name}-removed-${Date.now()}`);
          await fs.promises.mkdir(path.dirname(aside), { recursive: true });
          await fs.promises.rename(dir, aside);
        }
        await saveSources((all) => all.filter((x) => x.name !== name));
        if (s.tokenRef) deps.secrets.delete(s.tokenRef);
        await fs.promises.rm(sourceStateFile(paths.state, name), { force: true });
        return { removed: name };
      });
    },

    async update(name, ctx) {
      await ensureGit(ctx.logger);
      const targets = name ? [find(name)] : settings().sources;
      const results: UpdateResult[] = [];
      for (const s of targets) {
        const one = () =>
          mutate(
            'library.update',
            s.name,
            ctx,
            () => track(ctx, (signal) => updateOne(s, ctx, signal)),
            (v) => ({
              from: v.from,
              to: v.to,
              commits: v.commits.length,
              files: {
                added: v.files.added.length,
                modified: v.files.modified.length,
                deleted: v.files.deleted.length,
              },
              kept: v.kept,
              conflicts: v.conflicts,
            }),
            (v) => v.status !== 'updated',
          );
        if (name) {
          results.push(await one());
          continue;
        }
        // Updating all: one unreachable or failing source does not stop the others.
        try {
          results.push(await one());
        } catch (e) {
          if (!isAppError(e) || e.code === 'CANCELLED') throw e;
          results.push({
            source: s.name,
            status: 'failed',
            commits: [],
            files: { added: [], modified: [], deleted: [] },
            kept: [],
            conflicts: [],
            message: e.message,
            error: { code: e.code, message: e.message, hint: e.hint },
          });
        }
      }
      ctx.progress({ phase: 'Done', percent: 100, done: true });
      return results;
    },

    async log(name, limit = 100) {
      const s = find(name);
      requirePresent(s);
      const r = repo(s);
      const head = await headCommit(r);
      const upstream = s.kind === 'git' ? `refs/remotes/origin/${s.branch ?? (await currentBranch(r))}` : undefined;
      const hasUpstream = upstream ? !!(await aheadBehind(r, upstream)) : false;
      const commits = await logOf(r, hasUpstream && upstream ? ['HEAD', upstream] : ['HEAD'], limit);
      const entries: LogEntry[] = await Promise.all(
        commits.map(async (c) => ({
          ...c,
          current: c.hash === head,
          incoming: c.hash !== head && !(await isAncestor(r, c.hash, head)),
        })),
      );
      return { source: name, entries };
    },

    pin(name, ref, ctx) {
      const s = requireGit(find(name));
      return mutate(
        'library.pin',
        name,
        ctx,
        async () => {
          requirePresent(s);
          const r = repo(s, ctx, undefined, true);
          await fetchOrigin(r).catch((e: unknown) =>
            ctx.logger.info('pin: fetch failed, using local refs', {
              source: name,
              error: isAppError(e) ? e.code : String(e),
            }),
          );
          const target = await resolveCommit(r, ref);
          const from = await headCommit(r);
          const move = await moveTo(s, r, from, target, 'pin');
          await saveSources((all) => all.map((x) => (x.name === name ? { ...x, pinned: ref } : x)));
          await recordVersion(name, target, 'pin', { lastUpdate: now() });
          const result = await summarize(r, name, from, target, move, `Pinned to ${ref}:`);
          return { ...result, message: `${result.message} Updates stop here until \`library unpin ${name}\`.` };
        },
        (v) => ({ ref, from: v.from, to: v.to }),
      );
    },

    unpin(name, ctx) {
      const s = requireGit(find(name));
      return mutate(
        'library.unpin',
        name,
        ctx,
        async () => {
          await saveSources((all) => all.map((x) => (x.name === name ? (({ pinned: _p, ...rest }) => rest)(x) : x)));
          return infoOf(s.name);
        },
        (v) => ({ commit: v.commit }),
      );
    },

    rollback: (name, ctx) => step(name, -1, ctx),
    rollforward: (name, ctx) => step(name, 1, ctx),

    async diff(name, file, from, to) {
      const s = find(name);
      requirePresent(s);
      const r = repo(s);
      if (from || to) {
        const a = await resolveCommit(r, from ?? 'HEAD');
        const b = to ? await resolveCommit(r, to) : undefined;
        return { diff: await fileDiff(r, a, b, file) };
      }
      return { diff: await fileDiff(r, 'HEAD', undefined, file) };
    },

    resolve(name, file, choice, ctx) {
      const s = find(name);
      return mutate(
        'library.resolve',
        `${name}/${file}`,
        ctx,
        async () => {
          const st = readSourceState(paths.state, name);
          if (!st.conflicts.some((c) => c.path === file)) {
            throw new AppError(
              'NOT_FOUND',
              `${name}/${file} has no conflict to resolve.`,
              'See `ai-config library status` for the files in conflict.',
            );
          }
          if (choice === 'theirs') {
            const r = repo(s, ctx);
            const abs = path.join(paths.sourceDir(name), ...file.split('/'));
            const backup = path.join(paths.backups, 'sources', `${name}-mine-${Date.now()}`, ...file.split('/'));
            if (fs.existsSync(abs)) {
              await fs.promises.mkdir(path.dirname(backup), { recursive: true });
              await fs.promises.copyFile(abs, backup);
            }
            const theirs = await showFile(r, 'HEAD', file);
            if (theirs) await writeAtomic(abs, theirs);
            else await fs.promises.rm(abs, { force: true });
          }
          await writeSourceState(paths.state, name, { ...st, conflicts: st.conflicts.filter((c) => c.path !== file) });
          return infoOf(name);
        },
        () => ({ choice }),
      );
    },

    acceptHostKey(url, fingerprint, ctx) {
      return mutate(
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

    async cloneSource(source, ctx) {
      checkUrl(source.url);
      await removeStaleClones(paths.library);
      await track(ctx, (signal) => clone(source, ctx, signal, envFor(source)));
    },
  };
}
