import fs from 'node:fs';
import path from 'node:path';
import type { Agent } from '../../shared/agents';
import { AppError } from '../../shared/errors';
import { withLock } from '../workspace/lock';
import { rootsFor, type RootOf, type RootOptions } from './fs-roots';
import type { InstallRequest } from './install-request';
import { journalFileFor, recoverWrites } from './journal';
import { winningFiles, type LibraryFileRef } from './library-files';
import { loadAgents } from './load';
import type { AgentServiceDeps } from './service-deps';

/** The helpers every agent operation shares, built once from the deps (see {@link createAgentContext}). */
export type AgentContext = ReturnType<typeof createAgentContext>;

/** Builds the shared helpers of the agent service: vars, the library walk, recovery, agent lookup, project path. */
export function createAgentContext(deps: AgentServiceDeps) {
  const platform = deps.platform ?? process.platform;
  const now = deps.now ?? (() => new Date());
  const vars = {
    env: deps.env,
    secret: (n: string) => {
      try {
        return deps.secrets.get(n);
      } catch {
        return undefined;
      }
    },
    ...(deps.toolPlaceholders ? { onSecret: deps.toolPlaceholders.noteSecret } : {}),
  };

  const files = () => winningFiles(deps.roots());
  const journal = journalFileFor(deps.manifestFile);
  const recover = () =>
    fs.existsSync(journal)
      ? withLock(deps.lockFile, 'agent.recover', () => recoverWrites(journal))
      : Promise.resolve(false);
  const findAgent = async (name: string, all: ReadonlyArray<LibraryFileRef>): Promise<Agent> => {
    const loaded = (await loadAgents(all)).find((a) => (a.kind === 'ok' ? a.agent.name : a.name) === name);
    if (!loaded)
      throw new AppError(
        'NOT_FOUND',
        `There is no agent named "${name}".`,
        'See `ai-config agent list`, or create it with `ai-config agent create NAME`.',
      );
    if (loaded.kind === 'invalid')
      throw new AppError('INVALID_FILE', loaded.error, 'Fix the agent file, then try again.');
    return loaded.agent;
  };
  const normProject = (req: InstallRequest): string | undefined => {
    if (req.scope === 'user') return undefined;
    if (!req.project)
      throw new AppError(
        'INVALID_REQUEST',
        'A project-scope install needs a project folder.',
        'Pass --project DIR (or pick a folder in the app).',
      );
    if (!path.isAbsolute(req.project))
      throw new AppError(
        'INVALID_REQUEST',
        `The project folder "${req.project}" is not an absolute path.`,
        'Pass an absolute path.',
      );
    return path.resolve(req.project);
  };

  /** The library walk of the last install, for the token estimate made right after it. */
  const walked: { justWalked: Promise<LibraryFileRef[]> | undefined } = { justWalked: undefined };

  /** The boundary roots of some installs: personal folder, their project folders, the links the user allowed. */
  const rootOptions = (reqs: ReadonlyArray<InstallRequest>): RootOptions => ({
    personalDir: deps.personalDir(),
    projects: reqs.flatMap((r) => normProject(r) ?? []),
    allowSymlinks: [...(deps.allowSymlinks?.() ?? []), ...reqs.flatMap((r) => r.followSymlinks ?? [])],
  });
  const rootOf = (reqs: ReadonlyArray<InstallRequest>): RootOf => rootsFor(rootOptions(reqs));

  return { deps, platform, now, vars, files, journal, recover, findAgent, normProject, walked, rootOptions, rootOf };
}
