import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { SourceSettings } from '../../shared/settings';
import type { AddedSource } from '../../shared/sources';
import type { OperationContext } from '../context';
import { ensureGit } from '../git/core';
import { registerSecret } from '../observability/redact';
import { checkUrl } from './auth';
import { cloneRepo, removeStaleClones, sourceNameFromUrl } from './clone';
import { checkSourceContent } from './content-check';
import { currentBranch, headCommit } from './git-ops';
import { sourceInfoOf } from './source-info';
import { sourceStateFile } from './source-state';
import type { SourcesContext } from './sources-context';

/** What `library add` asks for: the URL, and optionally a name, branch, credentials and host-key consent. */
export interface AddSourceRequest {
  readonly name?: string;
  readonly url: string;
  readonly branch?: string;
  readonly sshKey?: string;
  readonly tokenEnv?: string;
  readonly token?: string;
  readonly acceptHostKey?: boolean;
}

/** Clones a source into library/<name> and records its first version. */
async function cloneInto(
  sc: SourcesContext,
  s: SourceSettings,
  ctx: OperationContext,
  signal: AbortSignal,
  env: NodeJS.ProcessEnv,
) {
  const { paths, now } = sc;
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
  const r = sc.repo(s, ctx);
  await sc.recordVersion(s.name, await headCommit(r), 'clone', { lastUpdate: now(), lastFetch: now() });
}

/** Adds a Git source: checks the request, clones it (trusting its host key when asked), saves it in settings. */
export function addSource(sc: SourcesContext, req: AddSourceRequest, ctx: OperationContext): Promise<AddedSource> {
  const { paths, deps } = sc;
  checkUrl(req.url);
  if (req.token) registerSecret(req.token);
  const name = req.name ?? sourceNameFromUrl(req.url);
  const s0 = sc.settings();
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
  return sc.mutate(
    'library.add',
    name,
    ctx,
    () =>
      sc.track(ctx, async (signal) => {
        await ensureGit(ctx.logger);
        await removeStaleClones(paths.library);
        if (fs.existsSync(paths.sourceDir(name)))
          throw new AppError(
            'ALREADY_EXISTS',
            `${paths.sourceDir(name)} already exists.`,
            'Move that folder aside or pick another name.',
          );
        const env = sc.envFor(source, req.token);
        await sc.withHostKey(req.url, !!req.acceptHostKey, ctx, () => cloneInto(sc, source, ctx, signal, env));
        const branch = source.branch ?? (await currentBranch(sc.repo(source, ctx)));
        if (tokenRef && req.token) deps.secrets.set(tokenRef, req.token);
        await sc.saveSources((all) => [...all, { ...source, branch }]);
        ctx.progress({ phase: 'Scanning', percent: 100 });
        const check = await checkSourceContent(paths.state, name, paths.sourceDir(name));
        ctx.progress({ phase: 'Done', percent: 100, done: true });
        return { ...(await sourceInfoOf(sc, name)), ...check };
      }),
    (v) => ({
      url: v.url,
      branch: v.branch,
      commit: v.commit,
      findings: v.findings.length,
      needsApproval: v.needsApproval.length,
    }),
  );
}

/** Removes a source: its clone goes to backups, its settings entry, stored token and state file are deleted. */
export function removeSource(sc: SourcesContext, name: string, ctx: OperationContext): Promise<{ removed: string }> {
  const { paths, deps } = sc;
  const s = sc.find(name);
  return sc.mutate('library.remove', name, ctx, async () => {
    const dir = paths.sourceDir(name);
    if (fs.existsSync(dir)) {
      const aside = path.join(paths.backups, 'sources', `${name}-removed-${Date.now()}`);
      await fs.promises.mkdir(path.dirname(aside), { recursive: true });
      await fs.promises.rename(dir, aside);
    }
    await sc.saveSources((all) => all.filter((x) => x.name !== name));
    if (s.tokenRef) deps.secrets.delete(s.tokenRef);
    await fs.promises.rm(sourceStateFile(paths.state, name), { force: true });
    return { removed: name };
  });
}

/** Clones a configured source into library/<name> (used by init); records the first version. */
export async function cloneSource(sc: SourcesContext, source: SourceSettings, ctx: OperationContext): Promise<void> {
  checkUrl(source.url);
  await removeStaleClones(sc.paths.library);
  await sc.track(ctx, (signal) => cloneInto(sc, source, ctx, signal, sc.envFor(source)));
}
